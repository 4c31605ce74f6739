package cn.lantian.feeds.stationary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.feeds.RecordingPublisher;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Test
    void aLineUnderAMeasureInForceRunsWithinWhatItAllowsAndTheOthersAsUsual() throws IOException {
        RecordingPublisher published = new RecordingPublisher();
        Map<String, Double> inForce = new HashMap<>(Map.of("ent-0001-line-1", 2_600.0));
        Meters meters = new Meters() {
            @Override
            public List<String> lines() {
                return List.of("ent-0001-line-1", "ent-0002-line-1");
            }

            @Override
            public Map<String, Double> allowedKw() {
                return inForce;
            }
        };
        Instant now = Instant.parse("2026-12-06T10:20:00Z");
        ElectricityFeed feed = new ElectricityFeed(meters, published, Clock.fixed(now, ZoneOffset.UTC));
        JsonMapper json = JsonMapper.builder().build();

        assertThat(feed.publish(Instant.parse("2026-12-06T10:00:00Z"))).isEqualTo(8);
        Map<String, List<Double>> kw = new HashMap<>();
        for (String line : published.messages.get(0).lines()) {
            JsonNode n = json.readTree(line);
            kw.computeIfAbsent(n.get("lineId").asString(), l -> new ArrayList<>())
                    .add(n.get("kw").asDouble());
        }
        assertThat(published.messages.get(0).violations()).isEmpty();
        assertThat(kw.get("ent-0001-line-1"))
                .as("within the orange measure's 2,600 kW, with a plant's margin")
                .hasSize(4)
                .allSatisfy(v -> assertThat(v).isBetween(2_600 * 0.85 - 1, 2_600.0));
        assertThat(kw.get("ent-0002-line-1"))
                .as("a line without a measure in force at its usual load, above what orange allows")
                .hasSize(4)
                .allSatisfy(v -> assertThat(v).isGreaterThan(2_600.0));

        // The alert lifted: the line is back at its usual load.
        inForce.clear();
        published.messages.clear();
        feed.publish(Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(published.messages.get(0).lines())
                .filteredOn(l -> l.contains("ent-0001-line-1"))
                .allSatisfy(
                        l -> assertThat(json.readTree(l).get("kw").asDouble()).isGreaterThan(2_600.0));
    }

    @Test
    void readsTheAllowedUseOfTheMeasuresInForceFromAnEnterprisesList() {
        JsonNode measures = JsonMapper.builder().build().readTree("""
                [{"id":"m-yellow","lineId":"ent-0001-line-1","level":"yellow","allowedKw":4160},
                 {"id":"m-orange","lineId":"ent-0001-line-1","level":"orange","allowedKw":2600},
                 {"id":"m-step","lineId":null,"stepId":"kiln","level":"orange","allowedKw":null},
                 {"id":"m-flow","outletId":"DA001","level":"orange","allowedFlowM3h":20000}]""");
        assertThat(Registry.allowed(measures, Set.of("m-orange", "m-step", "m-flow")))
                .containsExactly(Map.entry("ent-0001-line-1", 2600.0));
        assertThat(Registry.allowed(measures, Set.of())).isEmpty();
    }
}
