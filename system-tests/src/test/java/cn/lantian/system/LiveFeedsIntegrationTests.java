package cn.lantian.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The live agency feeds that {@code ./lantian up} starts bring every station to the current hour through the public
 * AMQP exchange, with the history of three years and the April 2020 storm replayed in its first year.
 */
@Order(2)
class LiveFeedsIntegrationTests {

    @Test
    void feedsBringEveryStationToTheCurrentHourWithTheStormInTheHistory() throws Exception {
        assertThat(Launcher.run("status")).containsPattern("feeds\\s+up");
        Instant due = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        // The first start catches up three years of twenty stations: minutes on a busy machine.
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    JsonNode stations = Gateway.json(Gateway.get("/api/public/v1/stations", null));
                    assertThat(stations.size()).isGreaterThanOrEqualTo(20);
                    for (JsonNode s : stations) {
                        String hour = s.path("latest").path("hour").asString("");
                        assertThat(hour).as(s.get("id").asString()).isNotEmpty();
                        assertThat(Instant.parse(hour))
                                .as(s.get("id").asString())
                                .isAfterOrEqualTo(due);
                    }
                });
        int first = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 2;
        JsonNode storm = Gateway.json(Gateway.get(
                "/api/public/v1/stations/2699A/observations?from=" + first + "-04-02&to=" + first
                        + "-04-02&resolution=hourly",
                null));
        List<Double> pm10 = new ArrayList<>();
        storm.findValues("pm10").forEach(v -> pm10.add(v.asDouble()));
        // 2020-04-02T09:00+08:00 at 2699A as the national real-time publication gave it.
        assertThat(pm10).contains(776.0);
    }
}
