package cn.lantian.feeds.airquality;

import cn.lantian.feeds.Feed;
import cn.lantian.feeds.Publisher;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every station's data link: brings each station from its newest hour (or, for a station without any, from 1 January
 * of the history's first year) up to the last complete hour in batches of 31 days, then one batch of all stations per
 * new hour (with any hours a station still lacks), on {@code lantian.air-quality.observations} as CSV. At the catch-up
 * it also checks the day of the April storm's peak: a station whose stored hours of that day are missing or differ
 * from the replayed episode (a history loaded otherwise, or begun after the history's start) gets its whole history
 * again, so that whatever the platform held before, the storm is in the history afterwards (unchanged hours are taken
 * without effect).
 */
public final class AirQualityFeed implements Feed {

    static final String EXCHANGE = "lantian.air-quality.observations";
    static final String ROUTING_KEY = "station.hourly";
    private static final int CATCH_UP_DAYS_PER_BATCH = 31;

    private final StationSource stations;
    private final StoredHours stored;
    private final Publisher publisher;
    private final StationHours hours;
    private final Instant historyStart;
    private final LocalDate stormPeak;
    /** Per station, the next hour to publish, once the feed has published for it (in memory: a restart asks the API). */
    private final Map<String, Instant> next = new HashMap<>();

    AirQualityFeed(
            StationSource stations,
            StoredHours stored,
            Publisher publisher,
            StationHours hours,
            Instant historyStart,
            LocalDate stormPeak) {
        this.stations = stations;
        this.stored = stored;
        this.publisher = publisher;
        this.hours = hours;
        this.historyStart = historyStart;
        this.stormPeak = stormPeak;
    }

    /** The feed for the stations the public API at {@code airQuality} lists, with history from {@code historyYears} before {@code today}'s year. */
    public static AirQualityFeed of(URI airQuality, Publisher publisher, LocalDate today, int historyYears) {
        int first = today.getYear() - historyYears;
        PublicStations api = new PublicStations(airQuality);
        return new AirQualityFeed(
                api,
                api,
                publisher,
                new StationHours(HourShape.load(), StormEpisode.replayedIn(first)),
                LocalDate.of(first, 1, 1)
                        .atStartOfDay(StationHours.CHINA)
                        .plusHours(1)
                        .toInstant(),
                StormEpisode.peakDay(first));
    }

    @Override
    public String name() {
        return "air-quality stations";
    }

    @Override
    public long catchUp(Instant lastHour) throws IOException {
        next.clear();
        List<PublicStations.Known> listed = stations.all();
        Instant peakEnd = stormPeak.plusDays(1).atStartOfDay(StationHours.CHINA).toInstant();
        if (!peakEnd.isAfter(lastHour) && !peakEnd.isBefore(historyStart)) {
            for (PublicStations.Known s : listed) {
                if (s.latest() != null && !holdsTheStorm(s)) {
                    // Replayed from the history's start: the next publishing takes it from there.
                    next.put(s.id(), historyStart);
                }
            }
        }
        return publishUpTo(lastHour, "catch-up:");
    }

    /** Whether the station's stored hours of the storm's peak day hold the replayed peak (within rounding). */
    private boolean holdsTheStorm(PublicStations.Known s) throws IOException {
        double expected = 0;
        Instant from = stormPeak.atStartOfDay(StationHours.CHINA).toInstant();
        for (Instant h = from.plus(1, ChronoUnit.HOURS);
                !h.isAfter(from.plus(1, ChronoUnit.DAYS));
                h = h.plus(1, ChronoUnit.HOURS)) {
            StationHour hour = hours.at(s.id(), level(s), h);
            if (hour != null && hour.valid() && hour.pm10() != null) {
                expected = Math.max(expected, hour.pm10());
            }
        }
        double peak = expected;
        // Whether the service lists flagged hours or not, the replayed peak is among the stored values.
        return stored.pm10(s.id(), stormPeak).stream().anyMatch(v -> Math.abs(v - peak) < 1);
    }

    /**
     * Publishes the hour for every station, and every earlier hour a station still lacks: a station the feed has
     * published before continues from there (the service may not have stored the last batches yet), one it has not
     * (registered since, or the demo stations registered after the feed started) from its newest stored hour.
     */
    @Override
    public long publish(Instant hour) throws IOException {
        return publishUpTo(hour, "hour:");
    }

    private long publishUpTo(Instant lastHour, String kind) throws IOException {
        Map<String, Instant> from = new TreeMap<>();
        Map<String, Double> levels = new TreeMap<>();
        List<PublicStations.Known> listed = stations.all();
        if (listed.isEmpty()) {
            throw new IOException("the air-quality service lists no stations yet");
        }
        for (PublicStations.Known s : listed) {
            Instant known = next.get(s.id());
            from.put(
                    s.id(),
                    known != null
                            ? known
                            : s.latest() == null ? historyStart : s.latest().plus(1, ChronoUnit.HOURS));
            levels.put(s.id(), level(s));
        }
        Instant first = from.values().stream().min(Instant::compareTo).orElse(lastHour.plusSeconds(1));
        long published = 0;
        for (Instant start = first;
                !start.isAfter(lastHour);
                start = start.plus(CATCH_UP_DAYS_PER_BATCH, ChronoUnit.DAYS)) {
            Instant end =
                    min(start.plus(CATCH_UP_DAYS_PER_BATCH, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS), lastHour);
            List<StationHour> batch = new ArrayList<>();
            for (var station : from.entrySet()) {
                for (Instant h = max(start, station.getValue()); !h.isAfter(end); h = h.plus(1, ChronoUnit.HOURS)) {
                    StationHour hour = hours.at(station.getKey(), levels.get(station.getKey()), h);
                    if (hour != null) {
                        batch.add(hour);
                    }
                }
            }
            published += send(batch, kind + start + "/" + end);
        }
        Instant after = lastHour.plus(1, ChronoUnit.HOURS);
        from.forEach((station, start) -> next.put(station, start.isAfter(after) ? start : after));
        return published;
    }

    /** Batches of the hours of one station: used by the tests to check the format. */
    List<StationHour> hoursOf(String station, double level, Instant from, Instant to) {
        List<StationHour> out = new ArrayList<>();
        for (Instant h = from; !h.isAfter(to); h = h.plus(1, ChronoUnit.HOURS)) {
            StationHour hour = hours.at(station, level, h);
            if (hour != null) {
                out.add(hour);
            }
        }
        return out;
    }

    private long send(List<StationHour> batch, String id) throws IOException {
        if (batch.isEmpty()) {
            return 0;
        }
        publisher.publish(
                EXCHANGE,
                ROUTING_KEY,
                ObservationCsv.CONTENT_TYPE,
                "lantian-feeds:air-quality:" + id,
                ObservationCsv.of(batch).getBytes(StandardCharsets.UTF_8));
        return batch.size();
    }

    /** A station's pollution level relative to Kashgar City: fixed per station, industrial parks a little higher. */
    static double level(PublicStations.Known s) {
        double spread = 0.92 + 0.16 * ((s.id().hashCode() & 0xffff) / 65535.0);
        return StormEpisode.REAL_STATIONS.contains(s.id())
                ? 1.0
                : "industrial".equals(s.kind()) ? spread * 1.06 : spread;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
