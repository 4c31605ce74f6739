package cn.lantian.greening.access;

import cn.lantian.security.AccessPolicy;
import cn.lantian.security.LantianResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** Public datasets and health open; the API needs a token, writes the forestry role (finer checks: {@link Access}). */
@Configuration
class SecurityConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, LantianResourceServer resourceServer) {
        return resourceServer
                .apply(http)
                .authorizeExchange(auth -> auth.pathMatchers(HttpMethod.GET, "/api/public/v1/greening/**")
                        .permitAll())
                .authorizeExchange(AccessPolicy.create()
                        .open("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**")
                        .write(Access.AGENCY, "/api/greening/v1/**")
                        .read("/api/greening/v1/**"))
                .build();
    }
}
