package cn.lantian.gateway.limits;

import cn.lantian.gateway.GatewayProperties;
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
    // window ends, requests of the window used in all}. The window starts with the first request, and every instance
    // sees the same count.
    private static final RedisScript<List> TAKE = RedisScript.of("""
            local used = tonumber(redis.call('GET', KEYS[1]) or '0')
            local taken = math.max(0, math.min(tonumber(ARGV[2]), tonumber(ARGV[1]) - used))
            if taken > 0 then redis.call('INCRBY', KEYS[1], taken) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]); ttl = tonumber(ARGV[3]) end
            return {taken, ttl, used + taken}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final String keyPrefix;
    // Leases end with their window, so the map holds only the clients seen in the current windows.
    private final Cache<String, Lease> leases = Caffeine.newBuilder()
            .expireAfter(Expiry.<String, Lease>creating((key, lease) -> lease.lifeLeft()))
            .build();

    RateLimiter(ReactiveStringRedisTemplate redis, GatewayProperties properties) {
        this.redis = redis;
        this.keyPrefix = properties.rateLimit().keyPrefix();
    }

    /**
     * Counts one request of that client and tells whether it is within the limit, and how many remain.
     *
     * @param leaseSize how many requests to take from Redis at once, at least one
     */
    Mono<Verdict> hit(String key, int limit, Duration window, int leaseSize) {
        Lease lease = leases.getIfPresent(key);
        if (lease != null) {
            int left = lease.take();
            if (left >= 0) {
                return Mono.just(new Verdict(true, limit, lease.remainingWith(left), lease.lifeLeft()));
            }
        }
        return redis.execute(
                        TAKE,
                        List.of(keyPrefix + key),
                        List.of(
                                Integer.toString(limit),
                                Integer.toString(Math.max(1, leaseSize)),
                                Long.toString(window.toMillis())))
                .next()
                .map(result -> {
                    int taken = ((Number) result.get(0)).intValue();
                    Duration resetIn = Duration.ofMillis(Math.max(((Number) result.get(1)).longValue(), 0));
                    int unleased = Math.max(0, limit - ((Number) result.get(2)).intValue());
                    if (taken > 1) {
                        leases.put(key, new Lease(taken - 1, unleased, System.nanoTime() + resetIn.toNanos()));
                    }
                    return new Verdict(taken > 0, limit, taken > 0 ? unleased + taken - 1 : 0, resetIn);
                });
    }

    /** Requests taken from Redis and not yet used by this instance, valid until their window ends. */
    static final class Lease {

        private final AtomicInteger left;
        private final int unleased;
        private final long endsAtNanos;

        /**
         * @param requests requests leased
         * @param unleased requests of the window still in Redis when the lease was taken
         */
        Lease(int requests, int unleased, long endsAtNanos) {
            this.left = new AtomicInteger(requests);
            this.unleased = unleased;
            this.endsAtNanos = endsAtNanos;
        }

        /** Uses one leased request: how many are left after it, or -1 if none was left or the window has ended. */
        int take() {
            if (System.nanoTime() - endsAtNanos >= 0) {
                return -1;
            }
            return left.getAndUpdate(n -> n > 0 ? n - 1 : n) - 1;
        }

        /** The client's remaining requests as this instance knows them: what Redis had left, plus this lease. */
        int remainingWith(int leftInLease) {
            return unleased + leftInLease;
        }

        Duration lifeLeft() {
            return Duration.ofNanos(Math.max(0, endsAtNanos - System.nanoTime()));
        }
    }

    /**
     * @param allowed whether the request is within the limit
     * @param limit requests allowed per window
     * @param remaining requests the client has left in this window after this one
     * @param resetIn when the current window ends
     */
    record Verdict(boolean allowed, int limit, int remaining, Duration resetIn) {

        /** Whole seconds until the window ends, at least one, for {@code Retry-After} and {@code RateLimit-Reset}. */
        long retryAfterSeconds() {
            return Math.max(1, (resetIn.toMillis() + 999) / 1000);
        }
    }
}
