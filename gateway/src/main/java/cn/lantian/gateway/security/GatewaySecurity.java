package cn.lantian.gateway.security;

import cn.lantian.gateway.GatewayProperties;
import cn.lantian.security.AccessPolicy;
import cn.lantian.security.LantianResourceServer;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway's security chain: {@code /api/public/**} open, every other {@code /api/**} needs a valid token of realm
 * kashgar (the token is relayed to the service, which checks it again), pages and documentation open; CORS and
 * security headers on every answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

    @Bean
    SecurityWebFilterChain gatewayChain(
            ServerHttpSecurity http, LantianResourceServer resourceServer, GatewayProperties properties) {
        GatewayProperties.Headers headers = properties.headers();
        return resourceServer
                .apply(http)
                .cors(cors -> cors.configurationSource(cors(properties.cors())))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(headers.contentSecurityPolicy()))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        // Spring writes HSTS only on HTTPS answers, as RFC 6797 asks: ready for a TLS front.
                        .hsts(hsts -> hsts.maxAge(headers.hstsMaxAge()).includeSubdomains(true))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .authorizeExchange(AccessPolicy.create()
                        .open("/api/public/**")
                        .authenticated("/api/**")
                        .openTheRest())
                .build();
    }

    private static CorsConfigurationSource cors(GatewayProperties.Cors settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(
                List.of("Authorization", "Content-Type", "Accept", "X-Request-Id", "traceparent", "tracestate"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
        cors.setMaxAge(settings.maxAge());
        // Open data is for anyone's page or notebook: any origin may read it, without credentials.
        CorsConfiguration open = new CorsConfiguration();
        open.addAllowedOriginPattern("*");
        open.setAllowedMethods(List.of("GET", "HEAD"));
        open.setAllowedHeaders(List.of(
                "Accept", "If-None-Match", "If-Modified-Since", "Range", "X-Request-Id", "traceparent", "tracestate"));
        open.setExposedHeaders(List.of(
                "Link",
                "ETag",
                "Last-Modified",
                "Content-Disposition",
                "Content-Range",
                "Retry-After",
                "X-Request-Id",
                "RateLimit-Limit",
                "RateLimit-Remaining",
                "RateLimit-Reset",
                "RateLimit-Policy",
                "X-Attribution"));
        open.setAllowCredentials(false);
        open.setMaxAge(settings.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        // The first pattern that matches applies: the public API before the rest.
        source.registerCorsConfiguration("/api/public/**", open);
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
