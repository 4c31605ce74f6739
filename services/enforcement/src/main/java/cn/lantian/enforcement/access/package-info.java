/** The service's whole access policy, and which endpoints need a token. */
package cn.lantian.enforcement.access;
