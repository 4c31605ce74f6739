package cn.lantian.feeds.straw;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.feeds.RecordingPublisher;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The satellite feed against straw's documented inbound format and the contract's: FIRMS files in the MODIS and VIIRS
 * dialects, fires in the burning seasons on the farmland of the prefecture, one fire's detections close enough in
 * place and time for straw to merge them.
 */
class FirmsFeedTests {

    static final Instant NOW = Instant.parse("2026-12-06T10:20:00Z");
    static final Instant HISTORY_START = Instant.parse("2024-01-01T00:00:00Z");

    final RecordingPublisher published = new RecordingPublisher();
    final StrawFires fires = new StrawFires(Farmland.demo());
    /** What straw's public map shows: nothing unless a test says otherwise. */
    List<StoredIncidents.Held> held = List.of();

    final FirmsFeed feed =
            new FirmsFeed(fires, (from, to) -> held, published, Clock.fixed(NOW, ZoneOffset.UTC), HISTORY_START);

    @Test
    void aRestartSendsOnlyTheMonthsWhoseFiresStrawDoesNotHold() throws IOException {
        Instant last = NOW.truncatedTo(ChronoUnit.HOURS);
        long all = feed.catchUp(last);
        List<String> rows = new ArrayList<>();
        published.messages.forEach(
                m -> rows.addAll(m.lines().subList(1, m.lines().size())));
        // Straw holds an incident at every fire's place and time, except those of October of the history's first year.
        List<StoredIncidents.Held> incidents = new ArrayList<>();
        String lostMonth = "2024-10-";
        for (String row : rows) {
            String[] f = row.split(",");
            if (!row.contains("," + lostMonth)) {
                Instant at = java.time.LocalDateTime.parse(f[5] + "T" + f[6].substring(0, 2) + ":" + f[6].substring(2))
                        .toInstant(ZoneOffset.UTC);
                incidents.add(
                        new StoredIncidents.Held(Double.parseDouble(f[1]) + 0.003, Double.parseDouble(f[0]), at, at));
            }
        }
        held = incidents;
        published.messages.clear();

        long again = feed.catchUp(last);
        assertThat(again).as("October 2024's detections only").isPositive().isLessThan(all / 3);
        assertThat(published.messages)
                .allSatisfy(m -> assertThat(m.messageId()).contains("catch-up:2024-10-01"))
                .allSatisfy(m ->
                        assertThat(m.lines().subList(1, m.lines().size())).allMatch(l -> l.contains("," + lostMonth)));

        // Nothing lost: a restart sends nothing at all.
        held = new ArrayList<>(incidents);
        for (String row : rows) {
            String[] f = row.split(",");
            Instant at = java.time.LocalDateTime.parse(f[5] + "T" + f[6].substring(0, 2) + ":" + f[6].substring(2))
                    .toInstant(ZoneOffset.UTC);
            held.add(new StoredIncidents.Held(Double.parseDouble(f[1]), Double.parseDouble(f[0]), at, at));
        }
        published.messages.clear();
        assertThat(feed.catchUp(last)).isZero();
        assertThat(published.messages).isEmpty();
    }

    @Test
    void readsTheIncidentsOfStrawsPublicMap() {
        assertThat(StoredIncidents.parse("""
                        {"type":"FeatureCollection","features":[{"type":"Feature","id":"inc-1",
                          "geometry":{"type":"Point","coordinates":[77.21,38.42]},
                          "properties":{"id":"inc-1","firstDetectedAt":"2025-10-03T07:40:00Z",
                                        "lastDetectedAt":"2025-10-03T09:10:00Z","detections":3}}]}"""))
                .containsExactly(new StoredIncidents.Held(
                        77.21, 38.42, Instant.parse("2025-10-03T07:40:00Z"), Instant.parse("2025-10-03T09:10:00Z")));
    }

    @Test
    void threeYearsOfFilesFollowStrawsFormatAndTheContract() throws IOException {
        long sent = feed.catchUp(NOW.truncatedTo(ChronoUnit.HOURS));
        long rows = 0;
        Set<String> keys = new java.util.HashSet<>();
        for (RecordingPublisher.Message m : published.messages) {
            assertThat(m.exchange()).isEqualTo("lantian.straw.fire-points");
            assertThat(m.contentType()).isEqualTo("text/csv");
            assertThat(m.violations()).as(m.messageId()).isEmpty();
            assertThat(m.lines().get(0)).startsWith("latitude,longitude,");
            keys.add(m.routingKey());
            rows += m.lines().size() - 1;
        }
        assertThat(keys).containsExactlyInAnyOrder("firms.modis", "firms.viirs");
        assertThat(rows).isEqualTo(sent);
        // About 80 fires a year, each seen by one to five passes: three years less December.
        assertThat(sent).isBetween(250L, 1200L);
    }

    @Test
    void firesBurnInTheSeasonsAfterHarvestOnTheFarmlandOfThePrefecture() {
        Jurisdictions kashgar = Jurisdictions.load();
        Set<String> farmland =
                Set.copyOf(Farmland.demo().stream().map(Farmland::unit).toList());
        Map<Month, Integer> byMonth = new EnumMap<>(Month.class);
        for (LocalDate d = LocalDate.of(2024, 1, 1); d.isBefore(LocalDate.of(2026, 12, 1)); d = d.plusDays(1)) {
            for (Detection det : fires.of(d)) {
                byMonth.merge(d.getMonth(), 1, Integer::sum);
                Placement place = kashgar.locate(det.lon(), det.lat()).orElse(null);
                assertThat(place).as("%s,%s", det.lon(), det.lat()).isNotNull();
                assertThat(farmland).containsAnyOf(place.jurisdiction(), place.corpsUnit(), "xpcc-3");
            }
        }
        assertThat(byMonth.keySet())
                .doesNotContain(Month.JANUARY, Month.FEBRUARY, Month.JULY, Month.AUGUST, Month.DECEMBER);
        assertThat(byMonth.get(Month.OCTOBER)).isGreaterThan(byMonth.get(Month.MAY));
        assertThat(byMonth.get(Month.APRIL)).isPositive();
    }

    @Test
    void oneFiresDetectionsLieWithinStrawsMergeBounds() {
        // Straw merges detections within 1 km and 6 hours (its rules): each day's fires are far apart, so the
        // detections of a day form groups of one fire whose members all lie within those bounds of the first.
        int checked = 0;
        for (LocalDate d = LocalDate.of(2025, 10, 1); d.isBefore(LocalDate.of(2025, 12, 1)); d = d.plusDays(1)) {
            List<Detection> day = fires.of(d);
            for (Detection a : day) {
                for (Detection b : day) {
                    double km = km(a, b);
                    if (km < 2) {
                        assertThat(km).isLessThanOrEqualTo(1.0);
                        assertThat(Duration.between(a.at(), b.at()).abs()).isLessThanOrEqualTo(Duration.ofHours(6));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void anHourSendsItsOwnDetectionsOnlyAndNothingAfterTheRealNow() throws IOException {
        LocalDate day = LocalDate.of(2025, 10, 1);
        while (fires.of(day).isEmpty()) {
            day = day.plusDays(1);
        }
        Detection first = fires.of(day).get(0);
        Instant hourEnd = first.at().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        long sent = feed.publish(hourEnd);
        List<Detection> expected = new ArrayList<>();
        for (Detection d : fires.of(day)) {
            if (!d.at().isBefore(hourEnd.minus(1, ChronoUnit.HOURS)) && d.at().isBefore(hourEnd)) {
                expected.add(d);
            }
        }
        assertThat(sent).isEqualTo(expected.size()).isPositive();
        assertThat(published.messages)
                .allSatisfy(m -> assertThat(m.violations()).isEmpty());
        assertThat(published.messages.stream()
                        .mapToLong(m -> m.lines().size() - 1)
                        .sum())
                .isEqualTo(sent);
        assertThat(feed.publish(NOW.plus(2, ChronoUnit.HOURS))).isZero();
        assertThat(fires.of(day)).isEqualTo(fires.of(day));
    }

    private static double km(Detection a, Detection b) {
        double dLat = (a.lat() - b.lat()) * 111.0;
        double dLon = (a.lon() - b.lon()) * 111.0 * Math.cos(Math.toRadians(a.lat()));
        return Math.hypot(dLat, dLon);
    }
}
