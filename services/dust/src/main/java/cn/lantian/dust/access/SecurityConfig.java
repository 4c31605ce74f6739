package cn.lantian.dust.access;

import cn.lantian.security.AccessPolicy;
import cn.lantian.security.LantianResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Which agency reaches which endpoint: public disclosure and health open; every read needs a token; catering is
 * written by market regulation, everything else by housing and urban management. Jurisdiction is checked by
 * {@link Access} in the handlers.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, LantianResourceServer resourceServer) {
        return resourceServer.apply(http)
                .authorizeExchange(AccessPolicy.create()
                        .open("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**")
                        .open("/api/public/v1/**")
                        .write(Access.CATERING_AGENCIES, "/api/dust/v1/restaurants", "/api/dust/v1/restaurants/**")
                        .write(Access.DUST_AGENCIES, "/api/dust/v1/**")
                        .read("/api/dust/v1/**"))
                .build();
    }
}
