package cn.lantian.security;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** The current request's caller, from the reactive security context. */
public final class Callers {

    private Callers() {
    }

    /** The authenticated caller; empty for an anonymous request. */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(auth -> Caller.of(((JwtAuthenticationToken) auth).getToken()));
    }
}
