package cn.lantian.airquality.access;

import cn.lantian.security.AccessPolicy;
import cn.lantian.security.LantianResourceServer;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Who reaches which endpoint: the {@code /api/public/v1} and SensorThings ({@code /api/public/sta}) reads, health and the API document are open; writes need the
 * ecology agency or the prefecture; every other API call a valid token. Which stations a caller writes:
 * {@link StationAccess}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain airQualitySecurity(ServerHttpSecurity http, LantianResourceServer resourceServer) {
        return resourceServer
                .apply(http)
                .authorizeExchange(AccessPolicy.create()
                        .open(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/v3/api-docs",
                                "/v3/api-docs/**")
                        .openReads("/api/public/v1/**", "/api/public/sta/**")
                        .write(List.of(StationAccess.ECOLOGY, "prefecture"), "/api/air-quality/v1/**")
                        .read("/api/air-quality/v1/**"))
                .build();
    }
}
