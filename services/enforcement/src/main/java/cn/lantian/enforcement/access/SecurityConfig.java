package cn.lantian.enforcement.access;

import cn.lantian.security.AccessPolicy;
import cn.lantian.security.LantianResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Which endpoints need a token: public outcomes and assessments, health and the API document are open; the API needs
 * one. Finer checks: {@code cases.CaseAccess}, the campaigns' and the work queue's own rules.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, LantianResourceServer resourceServer) {
        return resourceServer
                .apply(http)
                .authorizeExchange(AccessPolicy.create()
                        .open(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/v3/api-docs",
                                "/v3/api-docs/**")
                        .openReads("/api/public/v1/**")
                        .authenticated("/api/enforcement/v1/**"))
                .build();
    }
}
