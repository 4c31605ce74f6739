package cn.lantian.feeds.airquality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The feed's batches checked against air-quality's documented inbound format (its README and the parser's rules):
 * a header naming at least {@code station} and {@code time}, as many cells per line as the header, time ISO-8601 with
 * offset at the end of an hour, pollutants empty or finite non-negative numbers, {@code valid} true or false.
 */
class ObservationCsvTests {

    static final List<String> FIELDS =
            List.of("station", "time", "so2", "no2", "pm10", "pm25", "co", "o3", "o3_8h", "valid", "flag");
    static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    @Test
    void aYearOfBatchesFollowsTheDocumentedFormat() {
        StationHours hours = new StationHours(HourShape.load(), StormEpisode.replayedIn(2024));
        AirQualityFeed feed = new AirQualityFeed(null, null, null, hours, Instant.EPOCH, null);
        Instant from = StationHoursTests.beijing(LocalDate.of(2024, 1, 1), 1);
        Instant to = StationHoursTests.beijing(LocalDate.of(2025, 1, 1), 0);
        List<StationHour> year = feed.hoursOf("2700A", 1.0, from, to);
        assertThat(year).hasSizeGreaterThan(8500); // 8784 hours in 2024, a few missing
        String csv = ObservationCsv.of(year);
        String[] lines = csv.split("\n");
        assertThat(List.of(lines[0].split(",", -1))).containsExactlyElementsOf(FIELDS);
        assertThat(lines).hasSize(year.size() + 1);
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            assertThat(cells).as("line %d", i + 1).hasSize(FIELDS.size());
            assertThat(cells[0]).isEqualTo("2700A");
            OffsetDateTime time = OffsetDateTime.parse(cells[1]);
            assertThat(time.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
            assertThat(time.getMinute() + time.getSecond()).isZero();
            for (int p = 2; p <= 8; p++) {
                assertThat(cells[p].isEmpty() || NUMBER.matcher(cells[p]).matches())
                        .as("line %d %s '%s'", i + 1, FIELDS.get(p), cells[p])
                        .isTrue();
            }
            assertThat(cells[9]).isIn("true", "false");
        }
        // The storm's hours carry the real values, including the published 8-hour ozone.
        assertThat(csv).contains("2700A,2024-04-02T09:00:00+08:00,");
    }

    @Test
    void missingValuesAreEmptyCells() {
        StationHour hour = new StationHour(
                "2698A", Instant.parse("2026-12-06T10:00:00Z"), null, 20.0, 150.0, 60.0, 1.2, 30.0, null, true, "N");
        assertThat(ObservationCsv.of(List.of(hour)).split("\n")[1])
                .isEqualTo("2698A,2026-12-06T18:00:00+08:00,,20,150,60,1.2,30,,true,N");
    }
}
