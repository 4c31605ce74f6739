package cn.lantian.enforcement.access;

import cn.lantian.security.LantianResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** Which endpoints need a token: public outcomes and health are open; the API needs one (finer checks: AccessPolicy). */
@Configuration
class SecurityConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, LantianResourceServer resourceServer) {
        return resourceServer.apply(http)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/v3/api-docs/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/public/v1/**").permitAll()
                        .pathMatchers("/api/enforcement/v1/**").authenticated()
                        .anyExchange().denyAll())
                .build();
    }
}
