package cn.lantian.feeds.airquality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the feed publishes for each station, from where the public API says it stands. */
class AirQualityFeedTests {

    static final Instant HISTORY_START = Instant.parse("2026-11-30T17:00:00Z"); // 2026-12-01T01:00+08:00
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    final List<String> lines = new ArrayList<>();
    List<PublicStations.Known> known = new ArrayList<>();
    final AirQualityFeed feed = new AirQualityFeed(
            () -> known,
            (exchange, key, type, id, body) -> {
                assertThat(exchange).isEqualTo("lantian.air-quality.observations");
                assertThat(type).isEqualTo("text/csv");
                String[] csv = new String(body, StandardCharsets.UTF_8).split("\n");
                assertThat(csv[0]).isEqualTo(ObservationCsv.HEADER);
                lines.addAll(List.of(csv).subList(1, csv.length));
            },
            new StationHours(HourShape.load(), StormEpisode.replayedIn(2024)),
            HISTORY_START);

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
