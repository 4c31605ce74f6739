package cn.lantian.portal.upstream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Shares one upstream read per key for a while; failures are not kept, so the next request tries again. */
final class TtlCache<K, V> {

    private static final int MAX_KEYS = 5_000;

    private final Duration ttl;
    private final Map<K, Mono<V>> entries = new ConcurrentHashMap<>();

    TtlCache(Duration ttl) {
        this.ttl = ttl;
    }

    Mono<V> get(K key, java.util.function.Function<K, Mono<V>> load) {
        if (entries.size() > MAX_KEYS) {
            // Bounded memory: a crude reset is enough for a cache that only saves upstream round trips.
            entries.clear();
        }
        return entries.computeIfAbsent(
                key, k -> load.apply(k).cache(v -> ttl, e -> Duration.ZERO, () -> Duration.ZERO));
    }

    void clear() {
        entries.clear();
    }
}
