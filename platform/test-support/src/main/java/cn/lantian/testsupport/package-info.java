/** Support for integration tests against the real infrastructure: its addresses and real Keycloak tokens. */
package cn.lantian.testsupport;
