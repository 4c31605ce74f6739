package cn.lantian.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A token decoder that remembers the tokens it has already validated, until each one expires, so that a caller's
 * repeated requests do not pay for signature verification and claim parsing every time. The whole token string is the
 * key, signature included: a token altered in any way is not found and goes through full validation, and only tokens
 * that passed it are remembered. An expired token is never answered from memory.
 */
public final class ValidatedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder validator;
    private final Clock clock;
    private final Cache<String, Jwt> valid;

    /**
     * @param validator the decoder that verifies signature and claims
     * @param capacity how many validated tokens are kept at most (the least recently used are dropped first)
     */
    public ValidatedTokens(ReactiveJwtDecoder validator, int capacity, Clock clock) {
        this.validator = validator;
        this.clock = clock;
        this.valid = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifeLeft(jwt)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = valid.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return Mono.just(known);
        }
        return validator.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                valid.put(token, jwt);
            }
        });
    }

    private Duration lifeLeft(Jwt jwt) {
        Instant now = clock.instant();
        return jwt.getExpiresAt().isAfter(now) ? Duration.between(now, jwt.getExpiresAt()) : Duration.ZERO;
    }
}
