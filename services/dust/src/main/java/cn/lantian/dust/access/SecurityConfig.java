package cn.lantian.dust.access;

import cn.lantian.security.AccessPolicy;
import cn.lantian.security.LantianResourceServer;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Which agency reaches which endpoint: public disclosure and health open; catering is read and written by market
 * regulation, everything else by housing and urban management; ecology reads everything. Jurisdiction is checked by
 * {@link Access} in the handlers.
 */
@Configuration
class SecurityConfig {

    private static final String[] CATERING = {"/api/dust/v1/restaurants", "/api/dust/v1/restaurants/**"};

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, LantianResourceServer resourceServer) {
        AccessPolicy policy = AccessPolicy.create()
                .open("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**")
                .open("/api/public/v1/**")
                .write(Access.CATERING_AGENCIES, CATERING)
                .write(Access.DUST_AGENCIES, "/api/dust/v1/**");
        return resourceServer
                .apply(http)
                .authorizeExchange(spec -> {
                    spec.pathMatchers(HttpMethod.GET, CATERING)
                            .hasAnyRole(readers(Access.CATERING_AGENCIES))
                            .pathMatchers(HttpMethod.GET, "/api/dust/v1/**")
                            .hasAnyRole(readers(Access.DUST_AGENCIES));
                    policy.customize(spec);
                })
                .build();
    }

    /** The owning agencies and ecology, which reads every domain's records. */
    private static String[] readers(List<String> owners) {
        return java.util.stream.Stream.concat(owners.stream(), java.util.stream.Stream.of(Access.READER))
                .toArray(String[]::new);
    }
}
