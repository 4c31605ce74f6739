package cn.lantian.feeds.airquality;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.feeds.Publisher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the feed publishes for each station, from where the public API says it stands. */
class AirQualityFeedTests {

    static final Instant HISTORY_START = Instant.parse("2026-11-30T17:00:00Z"); // 2026-12-01T01:00+08:00
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    final List<String> lines = new ArrayList<>();
    List<PublicStations.Known> known = new ArrayList<>();
    final Publisher publisher = (exchange, key, type, id, body) -> {
        assertThat(exchange).isEqualTo("lantian.air-quality.observations");
        assertThat(type).isEqualTo("text/csv");
        String[] csv = new String(body, StandardCharsets.UTF_8).split("\n");
        assertThat(csv[0]).isEqualTo(ObservationCsv.HEADER);
        lines.addAll(List.of(csv).subList(1, csv.length));
    };
    final StationHours hours = new StationHours(HourShape.load(), StormEpisode.replayedIn(2024));
    /** What the service holds of the storm's peak day per station: the replayed hours unless a test says otherwise. */
    final Map<String, List<Double>> storedPeakDay = new HashMap<>();

    final AirQualityFeed feed = new AirQualityFeed(
            () -> known, (station, day) -> List.of(), publisher, hours, HISTORY_START, StormEpisode.peakDay(2024));

    /** A feed whose history begins in 2024, the storm's year, over a service holding {@link #storedPeakDay}. */
    AirQualityFeed fromTheStormsYear() {
        return new AirQualityFeed(
                () -> known,
                (station, day) -> storedPeakDay.getOrDefault(station, List.of()),
                publisher,
                hours,
                Instant.parse("2023-12-31T17:00:00Z"),
                StormEpisode.peakDay(2024));
    }

    List<Double> replayedPeakDay(String station) {
        List<Double> out = new ArrayList<>();
        Instant from = Instant.parse("2024-04-01T16:00:00Z"); // 2 April 2024, 00:00 in Beijing
        for (int h = 1; h <= 24; h++) {
            StationHour hour = hours.at(station, 1.0, from.plus(h, ChronoUnit.HOURS));
            if (hour != null && hour.valid() && hour.pm10() != null) {
                out.add(hour.pm10());
            }
        }
        return out;
    }

    @Test
    void aStationWhoseStoredStormDiffersFromTheReplayGetsItsWholeHistoryAgainAndOneThatHoldsItDoesNot()
            throws Exception {
        Instant latest = Instant.parse("2026-12-06T07:00:00Z");
        known = List.of(
                new PublicStations.Known("2698A", "national", latest),
                new PublicStations.Known("2699A", "national", latest));
        storedPeakDay.put("2698A", replayedPeakDay("2698A"));
        storedPeakDay.put("2699A", List.of(80.0, 95.0)); // a history loaded otherwise: no storm
        fromTheStormsYear().catchUp(NOW);
        assertThat(lines.stream().filter(l -> l.startsWith("2698A,")).count())
                .as("the station holding the storm continues from its newest hour")
                .isBetween(2L, 3L);
        assertThat(lines.stream().filter(l -> l.startsWith("2699A,")).count())
                .as("about three years of hours")
                .isGreaterThan(24_000);
        assertThat(lines)
                .as("the storm's real hour at 2699A, as the national publication gave it")
                .anyMatch(l -> l.startsWith("2699A,2024-04-02T09:00:00+08:00,") && l.contains(",776"));
    }

    @Test
    void catchesUpEachStationFromItsNewestHourOrFromTheHistoryStart() throws Exception {
        known = List.of(
                new PublicStations.Known("2698A", "national", Instant.parse("2026-12-06T07:00:00Z")),
                new PublicStations.Known("SC01", "county", null));
        feed.catchUp(NOW);
        assertThat(lines.stream()
                        .filter(l -> l.startsWith("2698A,"))
                        .map(l -> OffsetDateTime.parse(l.split(",")[1]).toInstant()))
                .allMatch(t -> t.isAfter(Instant.parse("2026-12-06T07:00:00Z")) && !t.isAfter(NOW))
                .hasSizeBetween(2, 3); // 08:00, 09:00, 10:00 UTC less any missing hour
        long sc01 = lines.stream().filter(l -> l.startsWith("SC01,")).count();
        assertThat(sc01).isBetween(130L, 138L); // 2026-12-01T01:00+08:00 to 2026-12-06T18:00+08:00: 138 hours
        assertThat(lines)
                .anyMatch(l -> l.startsWith("SC01,2026-12-01T01:00:00+08:00,")
                        || l.startsWith("SC01,2026-12-01T02:00:00+08:00,"));
    }

    @Test
    void aNewHourContinuesFromWhatWasPublishedEvenWhileTheServiceLags() throws Exception {
        known = List.of(new PublicStations.Known("2698A", "national", Instant.parse("2026-12-06T09:00:00Z")));
        feed.catchUp(NOW);
        int afterCatchUp = lines.size();
        // The service has not stored 10:00 yet: the next hour publishes 11:00 alone, not 10:00 again.
        feed.publish(NOW.plusSeconds(3600));
        assertThat(lines.subList(afterCatchUp, lines.size()))
                .allMatch(l -> l.startsWith("2698A,2026-12-06T19:00:00+08:00,"));
        // A station registered since gets its history with the next hour.
        known = List.of(known.get(0), new PublicStations.Known("BC01", "county", null));
        lines.clear();
        feed.publish(NOW.plusSeconds(7200));
        assertThat(lines.stream().filter(l -> l.startsWith("BC01,")).count()).isGreaterThan(130);
        assertThat(lines.stream().filter(l -> l.startsWith("2698A,")).count()).isLessThanOrEqualTo(1);
    }
}
