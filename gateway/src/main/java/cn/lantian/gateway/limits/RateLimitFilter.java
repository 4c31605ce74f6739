package cn.lantian.gateway.limits;

import cn.lantian.gateway.GatewayProperties;
import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
import cn.lantian.web.Problems;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Limits requests per client address on {@code /api/public/**} and the portal's pages (one count for both), and per
 * user (or agency client) on the other APIs. Every counted answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (IETF draft draft-ietf-httpapi-ratelimit-headers), so a
 * client can slow down before it is refused; over the limit the answer is 429 with {@code Retry-After}. When Redis
 * cannot answer, requests pass (logged, without these headers): the limit protects the services, and losing it
 * briefly is better than closing the platform.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    private final RateLimiter limiter;
    private final GatewayProperties.RateLimit limits;
    private final List<PathPattern> unlimited;

    RateLimitFilter(RateLimiter limiter, GatewayProperties properties) {
        this.limiter = limiter;
        this.limits = properties.rateLimit();
        this.unlimited = limits.unlimitedPaths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    @Override
    public int getOrder() {
        return 10; // after the security chain, so that the user is known
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        String value = path.value();
        Optional<String> key = Optional.empty();
        int limit = 0;
        if (value.startsWith("/api/public/") || !value.startsWith("/api/") && !isUnlimited(path)) {
            key = clientAddress(exchange).map(address -> "ip:" + address);
            limit = limits.publicRequests();
        } else if (value.startsWith("/api/")) {
            key = Callers.of(exchange).map(Caller::username).map(user -> "user:" + user);
            limit = limits.userRequests();
        }
        if (key.isEmpty()) {
            return chain.filter(exchange);
        }
        int allowed = limit;
        return limiter.hit(key.get(), allowed, limits.window(), limits.leaseOf(allowed))
                .map(Optional::of)
                .onErrorResume(e -> {
                    LOG.warn("rate limit not checked, Redis did not answer: {}", e.toString());
                    return Mono.just(Optional.empty());
                })
                .flatMap(verdict -> {
                    if (verdict.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    headers.set(LIMIT, Integer.toString(verdict.get().limit()));
                    headers.set(REMAINING, Integer.toString(verdict.get().remaining()));
                    headers.set(RESET, Long.toString(verdict.get().retryAfterSeconds()));
                    if (verdict.get().allowed()) {
                        return chain.filter(exchange);
                    }
                    headers.set(
                            HttpHeaders.RETRY_AFTER, Long.toString(verdict.get().retryAfterSeconds()));
                    return Problems.write(
                            exchange,
                            HttpStatus.TOO_MANY_REQUESTS,
                            "More than " + allowed + " requests in "
                                    + limits.window().toSeconds()
                                    + " s; retry after the number of seconds in Retry-After.");
                });
    }

    private boolean isUnlimited(PathContainer path) {
        return unlimited.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static Optional<String> clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? Optional.empty()
                : Optional.of(remote.getAddress().getHostAddress());
    }
}
