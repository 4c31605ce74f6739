package cn.lantian.stationary.access;

import cn.lantian.security.AccessPolicy;
import cn.lantian.security.LantianResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** Who reaches which endpoint: public disclosure and health open; the API needs a token (finer checks: PermitAccess). */
@Configuration
class SecurityConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, LantianResourceServer resourceServer) {
        return resourceServer
                .apply(http)
                .authorizeExchange(AccessPolicy.create()
                        .open("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**")
                        .openReads("/api/public/v1/**")
                        .write(PermitAccess.AGENCY, "/api/stationary/v1/**")
                        .read("/api/stationary/v1/**"))
                .build();
    }
}
