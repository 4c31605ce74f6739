package cn.lantian.stationary.access;

import cn.lantian.security.LantianResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** Who reaches which endpoint: public disclosure and health open; the API needs a token (finer checks: AccessPolicy). */
@Configuration
class SecurityConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, LantianResourceServer resourceServer) {
        return resourceServer.apply(http)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/public/v1/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/stationary/v1/**").authenticated()
                        .pathMatchers("/api/stationary/v1/**").hasRole(AccessPolicy.AGENCY)
                        .anyExchange().denyAll())
                .build();
    }
}
