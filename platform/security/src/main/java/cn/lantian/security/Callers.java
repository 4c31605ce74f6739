package cn.lantian.security;

import java.util.Optional;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The current request's caller, from the reactive security context. */
public final class Callers {

    /** Exchange attribute under which the authenticated caller is kept once its token has been validated. */
    public static final String ATTRIBUTE = Caller.class.getName();

    private Callers() {}

    /** The authenticated caller; empty for an anonymous request. */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(auth -> Caller.of(((JwtAuthenticationToken) auth).getToken()));
    }

    /**
     * The caller whose token this exchange carried, once the security chain has validated it; usable from filters
     * that run outside the chain, and also when the chain refused the request (403).
     */
    public static Optional<Caller> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
