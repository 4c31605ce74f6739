/** The one piece of security configuration every Lantian service uses: Keycloak tokens to callers. */
package cn.lantian.security;
