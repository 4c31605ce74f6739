/** Who am I: the caller as the platform sees them. */
package cn.lantian.gateway.me;
