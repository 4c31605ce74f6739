package cn.lantian.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fixed-window request counting in Redis, shared by every gateway instance: one key per client and window. An instance
 * does not ask Redis on every request: it takes a lease of several of the client's remaining requests at once (a share
 * of the limit, at least one) and counts them down locally until the lease is used up or the window ends. Leased
 * requests are counted in Redis as used, so instances together never let more through than the limit; with n
 * instances a client may be refused up to n leases early.
 */
@Component
class RateLimiter {

    // Takes up to ARGV[2] of the ARGV[1] requests of this window; returns {requests taken, milliseconds until the
    // window ends}. The window starts with the first request, and every instance sees the same count.
    private static final RedisScript<List> TAKE = RedisScript.of("""
            local used = tonumber(redis.call('GET', KEYS[1]) or '0')
            local taken = math.max(0, math.min(tonumber(ARGV[2]), tonumber(ARGV[1]) - used))
            if taken > 0 then redis.call('INCRBY', KEYS[1], taken) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]); ttl = tonumber(ARGV[3]) end
            return {taken, ttl}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    // Leases end with their window, so the map holds only the clients seen in the current windows.
    private final Cache<String, Lease> leases = Caffeine.newBuilder()
            .expireAfter(Expiry.<String, Lease>creating((key, lease) -> lease.lifeLeft()))
            .build();

    RateLimiter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * Counts one request of that client and tells whether it is within the limit.
     *
     * @param leaseSize how many requests to take from Redis at once, at least one
     */
    Mono<Verdict> hit(String key, int limit, Duration window, int leaseSize) {
        Lease lease = leases.getIfPresent(key);
        if (lease != null && lease.take()) {
            return Mono.just(new Verdict(true, lease.lifeLeft()));
        }
        return redis.execute(TAKE, List.of("lantian:rate:" + key),
                        List.of(Integer.toString(limit), Integer.toString(Math.max(1, leaseSize)),
                                Long.toString(window.toMillis())))
                .next()
                .map(result -> {
                    long taken = ((Number) result.get(0)).longValue();
                    Duration resetIn = Duration.ofMillis(Math.max(((Number) result.get(1)).longValue(), 0));
                    if (taken > 1) {
                        leases.put(key, new Lease((int) taken - 1, System.nanoTime() + resetIn.toNanos()));
                    }
                    return new Verdict(taken > 0, resetIn);
                });
    }

    /** Requests taken from Redis and not yet used by this instance, valid until their window ends. */
    static final class Lease {

        private final AtomicInteger left;
        private final long endsAtNanos;

        Lease(int requests, long endsAtNanos) {
            this.left = new AtomicInteger(requests);
            this.endsAtNanos = endsAtNanos;
        }

        /** Uses one leased request, if any is left and its window has not ended. */
        boolean take() {
            return System.nanoTime() - endsAtNanos < 0 && left.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
        }

        Duration lifeLeft() {
            return Duration.ofNanos(Math.max(0, endsAtNanos - System.nanoTime()));
        }
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
