package cn.lantian.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Applies the platform's resource-server rules to a service's security chain: Keycloak JWTs decoded and checked for
 * issuer and audience, callers mapped to authorities, stateless, errors as problem details. Each service then declares
 * its own access policy on the returned {@link ServerHttpSecurity}.
 */
public final class LantianResourceServer {

    private final ReactiveJwtDecoder decoder;

    LantianResourceServer(ReactiveJwtDecoder decoder) {
        this.decoder = decoder;
    }

    /** Configures token checking on the chain; the caller adds {@code authorizeExchange} rules and builds it. */
    public ServerHttpSecurity apply(ServerHttpSecurity http) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // Stateless: the token is the whole story, so no web session is looked up or created per request.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .oauth2ResourceServer(o -> o.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden())
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(new CallerAuthentication())));
    }
}
