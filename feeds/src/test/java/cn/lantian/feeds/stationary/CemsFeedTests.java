package cn.lantian.feeds.stationary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CEMS feed's lines against stationary's documented inbound format (its README and the upload's checks): fields
 * {@code outletId, pollutant, hour, value, o2, flow, flag}; pollutant one of PM, SO2, NOx, VOCs, NMHC, CO; hour an
 * ISO date-time with offset at the start of an hour; value >= 0; o2 between 0 and 21; flow >= 0; an HJ 212 flag.
 */
class CemsFeedTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Set<String> POLLUTANTS = Set.of("PM", "SO2", "NOx", "VOCs", "NMHC", "CO");
    static final Set<String> FLAGS = Set.of("N", "M", "C", "D", "F", "P", "T", "S", "B");

    final CemsLimits limits = CemsLimits.load();
    final CemsHours hours = new CemsHours(limits);

    @Test
    void aMonthOfHoursFollowsTheDocumentedFormatAndStaysMostlyUnderTheLimit() {
        Outlet outlet = new Outlet("ent-0001-DA001", "coal-boiler", false, List.of("PM", "SO2", "NOx"), null);
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        int lines = 0;
        int exceeding = 0;
        for (Instant h = start; h.isBefore(start.plus(30, ChronoUnit.DAYS)); h = h.plus(1, ChronoUnit.HOURS)) {
            for (String pollutant : outlet.pollutants()) {
                CemsReading r = hours.at(outlet, pollutant, h);
                JsonNode line = JSON.readTree(r.jsonLine());
                assertThat(line.get("outletId").asString()).isEqualTo("ent-0001-DA001");
                assertThat(line.get("pollutant").asString()).isIn(POLLUTANTS);
                Instant hour = OffsetDateTime.parse(line.get("hour").asString()).toInstant();
                assertThat(hour).isEqualTo(hour.truncatedTo(ChronoUnit.HOURS)).isEqualTo(h);
                assertThat(line.get("value").asDouble()).isGreaterThanOrEqualTo(0);
                assertThat(line.get("o2").asDouble()).isBetween(0.0, 21.0);
                assertThat(line.get("flow").asDouble()).isGreaterThanOrEqualTo(0);
                assertThat(line.get("flag").asString()).isIn(FLAGS);
                double atRef = r.value() * (21 - limits.referenceO2("coal-boiler")) / (21 - r.o2());
                exceeding += atRef > limits.limit(outlet, pollutant) * 1.001 ? 1 : 0;
                lines++;
            }
        }
        assertThat(lines).isEqualTo(30 * 24 * 3);
        assertThat(exceeding).as("exceeding hours of %d", lines).isBetween(0, lines / 200);
        assertThat(hours.at(outlet, "NOx", start)).isEqualTo(hours.at(outlet, "NOx", start));
    }

    @Test
    void ultraLowOutletsAreShapedAgainstTheUltraLowLimits() {
        Outlet outlet = new Outlet("ent-0002-DA001", "coal-boiler", true, List.of("SO2"), null);
        assertThat(limits.limit(outlet, "SO2")).isEqualTo(35.0);
        assertThat(hours.at(new Outlet("x", "unknown-kind", false, List.of("PM"), null), "PM", Instant.EPOCH))
                .isNull();
    }

    @Test
    void readsTheOutletsWithCemsFromARegistryPage() {
        JsonNode page = JSON.readTree("""
                {"items":[{"id":"ent-0001-DA001","status":"operating","attributes":{"sourceKind":"coal-boiler","cems":["PM","SO2","NOx"],"ultraLow":true}},
                          {"id":"demo-outlet-007","status":"operating","attributes":{"sourceKind":"gas-boiler"}}],"next":null}""");
        assertThat(Registry.parse(page))
                .containsExactly(new Outlet("ent-0001-DA001", "coal-boiler", true, List.of("PM", "SO2", "NOx"), null));
    }
}
