package cn.lantian.portal.live;

import cn.lantian.portal.PortalProperties;
import cn.lantian.portal.upstream.AirQuality;
import cn.lantian.portal.upstream.StationNow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The latest AQI of every station, served from memory: read from air-quality when older than the refresh period and
 * updated in between by {@code hourly-aqi-published} events, so that a burst of readers costs no upstream calls.
 */
@Component
public class LatestAqi {

    private static final Logger log = LoggerFactory.getLogger(LatestAqi.class);

    private final AirQuality airQuality;
    private final PortalProperties properties;
    private final Map<String, StationNow> stations = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;
    private volatile Instant readAt = Instant.EPOCH;
    private volatile Mono<Snapshot> reading;

    public LatestAqi(AirQuality airQuality, PortalProperties properties) {
        this.airQuality = airQuality;
        this.properties = properties;
    }

    /**
     * Every station by id, and when the newest value changed (for Last-Modified).
     *
     * @param version increases with every change (for ETags)
     */
    public record Snapshot(List<StationNow> stations, Instant lastModified, long version) {}

    /**
     * The current snapshot. Once one is held it is answered at once; when it is older than the refresh period a read
     * of air-quality starts in the background (one at a time), so readers never wait on the owner.
     */
    public Mono<Snapshot> current() {
        Snapshot held = snapshot;
        if (held == null) {
            return read();
        }
        if (readAt.plus(properties.latestRefresh()).isBefore(Instant.now())) {
            read().subscribe(
                            s -> {},
                            e -> log.warn(
                                    "air-quality unreachable, serving the stations read at {}: {}",
                                    readAt,
                                    e.toString()));
        }
        return Mono.just(held);
    }

    /** Reads the stations once, however many ask at the same time. */
    private Mono<Snapshot> read() {
        synchronized (this) {
            if (reading == null) {
                reading = airQuality
                        .stations()
                        .map(this::replace)
                        .doFinally(s -> reading = null)
                        .cache();
            }
            return reading;
        }
    }

    /** Reads the stations when the portal starts, so that the first visitors do not wait. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void preload() {
        read().subscribe(
                        s -> log.info(
                                "read {} stations from air-quality",
                                s.stations().size()),
                        e -> log.warn("air-quality not reachable at start: {}", e.toString()));
    }

    /**
     * Applies an hourly value if it is newer than the one held, or corrects the held hour's value (air-quality
     * publishes an hour again when it recomputes it); answers the station as updated, or empty. An older hour, or the
     * same value again (a redelivery), changes nothing.
     */
    public synchronized java.util.Optional<StationNow> apply(
            String stationId, Instant hour, Integer aqi, String primary, String standard) {
        StationNow held = stations.get(stationId);
        if (held == null) {
            return java.util.Optional.empty();
        }
        boolean newer = held.hour() == null || hour.isAfter(held.hour());
        boolean corrected = hour.equals(held.hour()) && !java.util.Objects.equals(aqi, held.aqi());
        if (!newer && !corrected) {
            return java.util.Optional.empty();
        }
        StationNow updated = held.withHour(hour, aqi, primary, standard);
        stations.put(stationId, updated);
        publish();
        return java.util.Optional.of(updated);
    }

    private synchronized Snapshot replace(List<StationNow> read) {
        // Keep a value an event brought in that the read does not have yet.
        for (StationNow s : read) {
            StationNow held = stations.get(s.id());
            boolean heldNewer = held != null
                    && held.hour() != null
                    && (s.hour() == null || held.hour().isAfter(s.hour()));
            stations.put(s.id(), heldNewer ? s.withHour(held.hour(), held.aqi(), held.primary(), held.standard()) : s);
        }
        stations.keySet().retainAll(read.stream().map(StationNow::id).toList());
        readAt = Instant.now();
        return publish();
    }

    private Snapshot publish() {
        List<StationNow> list = new ArrayList<>(stations.values());
        list.sort(Comparator.comparing(StationNow::id));
        Instant newest = list.stream()
                .map(StationNow::hour)
                .filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        long version = snapshot == null ? 1 : snapshot.version() + 1;
        snapshot = new Snapshot(List.copyOf(list), newest, version);
        return snapshot;
    }
}
