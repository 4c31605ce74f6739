package cn.lantian.mobile.access;

import cn.lantian.security.AccessPolicy;
import cn.lantian.security.LantianResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Who reaches which endpoint: health, the API description and the public disclosure open; reads need any valid token (transport reads);
 * writes need the traffic-police or ecology role. Jurisdiction is checked per record by {@link Jurisdiction}.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, LantianResourceServer resourceServer) {
        return resourceServer
                .apply(http)
                .authorizeExchange(AccessPolicy.create()
                        .open("/actuator/health", "/actuator/health/**", "/v3/api-docs/**")
                        .open("/api/public/v1/mobile/**")
                        .write(Jurisdiction.WRITERS, "/api/mobile/v1/**")
                        .read("/api/mobile/v1/**"))
                .build();
    }
}
