package cn.lantian.straw.access;

import cn.lantian.security.AccessPolicy;
import cn.lantian.security.LantianResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** Who reaches which endpoint: public disclosure and health open, reads need a token, writes the agriculture role. */
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
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/api/public/v1/straw/**")
                        .write(StrawAccess.AGENCY, "/api/straw/v1/**")
                        .read("/api/straw/v1/**"))
                .build();
    }
}
