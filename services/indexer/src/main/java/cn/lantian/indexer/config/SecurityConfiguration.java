package cn.lantian.indexer.config;

import cn.lantian.security.AccessPolicy;
import cn.lantian.security.LantianResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** Every search needs a valid Keycloak token; health and the API description are open. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityChain(ServerHttpSecurity http, LantianResourceServer resourceServer) {
        return resourceServer
                .apply(http)
                .authorizeExchange(AccessPolicy.create()
                        .open("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**")
                        .authenticated("/**"))
                .build();
    }
}
