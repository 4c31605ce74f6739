/** Who may pass: token checks, CORS, security headers and the gateway's coarse write policy. */
package cn.lantian.gateway.security;
