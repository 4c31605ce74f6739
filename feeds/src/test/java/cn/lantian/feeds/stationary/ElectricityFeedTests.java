package cn.lantian.feeds.stationary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The meters' lines against stationary's documented inbound format: {@code {"lineId","at","kw"}}, {@code at} a
 * date-time with offset that starts a quarter hour, {@code kw} >= 0.
 */
class ElectricityFeedTests {

    @Test
    void aDayOfQuarterHoursFollowsTheDocumentedFormat() {
        JsonMapper json = JsonMapper.builder().build();
        Instant start = Instant.parse("2026-12-06T00:00:00Z");
        for (int q = 0; q < 96; q++) {
            Instant at = start.plusSeconds(900L * q);
            JsonNode line = json.readTree(MeterReading.of("ent-0001-line-1", at).jsonLine());
            assertThat(line.get("lineId").asString()).isEqualTo("ent-0001-line-1");
            OffsetDateTime parsed = OffsetDateTime.parse(line.get("at").asString());
            assertThat(parsed.toInstant()).isEqualTo(at);
            assertThat(parsed.getMinute() % 15 + parsed.getSecond()).isZero();
            // Usual load: about what a yellow alert allows (4,160 kW), above what an orange one allows (2,600 kW).
            assertThat(line.get("kw").asDouble()).isBetween(2_600.0, 5_200.0);
        }
        assertThat(MeterReading.of("ent-0001-line-1", start)).isEqualTo(MeterReading.of("ent-0001-line-1", start));
    }
}
