package cn.lantian.gateway.limits;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fixed-window request counting in Redis, shared by every gateway instance: one key per client and window, counted
 * and given its expiry atomically by one script.
 */
@Component
class RateLimiter {

    // Returns {count in this window, milliseconds until the window ends}.
    private static final RedisScript<List> COUNT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {count, ttl}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;

    RateLimiter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one request of that client and tells whether it is within the limit. */
    Mono<Verdict> hit(String key, int limit, Duration window) {
        return redis.execute(COUNT, List.of("lantian:rate:" + key), List.of(Long.toString(window.toMillis())))
                .next()
                .map(result -> {
                    long count = ((Number) result.get(0)).longValue();
                    long remainingMillis = ((Number) result.get(1)).longValue();
                    return new Verdict(count <= limit, Duration.ofMillis(Math.max(remainingMillis, 0)));
                });
    }

    /**
     * @param allowed whether the request is within the limit
     * @param resetIn when the current window ends
     */
    record Verdict(boolean allowed, Duration resetIn) {

        /** Whole seconds until the window ends, at least one, for {@code Retry-After}. */
        long retryAfterSeconds() {
            return Math.max(1, (resetIn.toMillis() + 999) / 1000);
        }
    }
}
