/** Which endpoints need a token: the service's security chain. */
package cn.lantian.enforcement.access;
