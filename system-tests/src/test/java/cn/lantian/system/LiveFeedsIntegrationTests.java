package cn.lantian.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.testsupport.DemoIdentity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The live agency feeds that {@code ./lantian up} starts bring every station to the current hour through the public
 * AMQP exchange, with the history of three years and the April 2020 storm replayed in its first year; the satellite
 * feed's fire points reach straw and, through its events, enforcement.
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
        // Whatever the platform's database held before this start (a history loaded otherwise, or begun later), the
        // feed's catch-up checks the storm's peak day at every station and replays the history where it is not the
        // storm's: the storm is there after every start, not only after a first one.
        int first = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 2;
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    JsonNode storm = Gateway.json(Gateway.get(
                            "/api/public/v1/stations/2699A/observations?from=" + first + "-04-02&to=" + first
                                    + "-04-02&resolution=hourly",
                            null));
                    List<Double> pm10 = new ArrayList<>();
                    storm.findValues("pm10").forEach(v -> pm10.add(v.asDouble()));
                    // 2020-04-02T09:00+08:00 at 2699A as the national real-time publication gave it.
                    assertThat(pm10).contains(776.0);
                });
    }

    @Test
    void satelliteFirePointsOfTheFeedReachStrawAndEachOpensItsCaseInEnforcement() {
        // Straw's own demo data covers autumns and the last days: this year's spring fires come from the FIRMS feed
        // alone, through the public exchange, so each incident raised its event and enforcement holds its case.
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Set<String> incidents = new HashSet<>();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    // The public map takes date-times with an offset.
                    var answer = Gateway.get(
                            "/api/public/v1/straw/incidents?from=" + year + "-03-01T00:00:00Z&to=" + year
                                    + "-07-01T00:00:00Z",
                            null);
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                    JsonNode spring = Gateway.json(answer);
                    incidents.clear();
                    spring.path("features")
                            .forEach(f -> incidents.add(
                                    f.path("properties").path("id").asString()));
                    // About 30 fires in a spring (feeds/src/main/resources/shape/straw-fires.csv).
                    assertThat(incidents).hasSizeGreaterThanOrEqualTo(10);
                });
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    Set<String> subjects = new HashSet<>();
                    String after = null;
                    do {
                        JsonNode page = Gateway.json(Gateway.get(
                                "/api/enforcement/v1/cases?limit=200" + (after == null ? "" : "&after=" + after),
                                DemoIdentity.COORDINATOR));
                        page.path("items")
                                .forEach(c -> subjects.add(c.path("subjectRef").asString("")));
                        JsonNode next = page.path("next");
                        after = next.isMissingNode() || next.isNull() ? null : next.asString();
                    } while (after != null);
                    for (String id : incidents) {
                        assertThat(subjects)
                                .as("enforcement's case of incident " + id)
                                .contains("fire-point/" + id);
                    }
                });
    }
}
