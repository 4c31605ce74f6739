package cn.lantian.dust.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Monitor readings by HTTP and by AMQP, judged against the alarm level and the nearest station's same hour. AMQP
 * messages go straight to this run's queue through the default exchange, as the readings exchange would route them.
 */
class MonitorIntegrationTests extends IntegrationTest {

    private static final String QUEUE = "lantian.dust.readings." + GROUP;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    Stations stations;

    @Autowired
    MonitorIngest ingest;

    private String site;
    private String monitor;
    /** An hour label two hours ago; readings inside it are taken 10 and 40 minutes before it ends. */
    private final Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

    @BeforeEach
    void siteWithMonitor() {
        // Stations an earlier run left at the same point would tie for nearest.
        db.sql("delete from station_hour where station_id in (select id from station where lon = :lon and lat = :lat)")
                .bind("lon", SHACHE[0])
                .bind("lat", SHACHE[1])
                .fetch()
                .rowsUpdated()
                .block();
        db.sql("delete from station where lon = :lon and lat = :lat")
                .bind("lon", SHACHE[0])
                .bind("lat", SHACHE[1])
                .fetch()
                .rowsUpdated()
                .block();
        site = unique("site");
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "id",
                        site,
                        "project",
                        "监测测试",
                        "builderName",
                        "莎车建工",
                        "builderCreditCode",
                        CREDIT_CODE,
                        "areaM2",
                        8000,
                        "phase",
                        "earthwork",
                        "lon",
                        SHACHE[0],
                        "lat",
                        SHACHE[1]))
                .exchange()
                .expectStatus()
                .isCreated();
        monitor = unique("mon");
        http.post()
                .uri("/api/dust/v1/sites/" + site + "/monitors")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of("id", monitor))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    /** A station right at the site, so that it is the nearest whatever other stations the database knows. */
    private String stationAtSite() {
        String id = unique("st");
        stations.saveStation(new Station(id, SHACHE[0], SHACHE[1])).block();
        return id;
    }

    private Map<String, Object> reading(Instant at, double pm10) {
        return Map.of("monitorId", monitor, "at", at.toString(), "pm10", pm10, "pm25", pm10 / 2);
    }

    private void post(List<Map<String, Object>> batch) {
        http.post()
                .uri("/api/dust/v1/readings")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(batch)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void anHourAboveTheAlarmLevelIsAViolationWhetherOrNotTheStationHourIsKnown() {
        post(List.of(
                reading(hour.minus(40, ChronoUnit.MINUTES), 180), reading(hour.minus(10, ChronoUnit.MINUTES), 200)));
        assertThat(events("lantian.dust.site-dust-violation.v1", "site/" + site))
                .singleElement()
                .asString()
                .contains(
                        "\"measure\":\"wet-work\"",
                        "\"evidence\":\"monitor\"",
                        "\"pm10\":190.0",
                        "\"id\":\"dust.monitor.pm10-alarm\"");
        // The same readings again change nothing.
        post(List.of(reading(hour.minus(40, ChronoUnit.MINUTES), 180)));
        assertThat(events("lantian.dust.site-dust-violation.v1", "site/" + site))
                .hasSize(1);
    }

    @Test
    void theStationComparisonWaitsForAMissingStationHourAndJudgesWhenItArrives() {
        String station = stationAtSite();
        // 120 µg/m³: under the alarm level; the station's hour is not known yet, so nothing is raised.
        post(List.of(reading(hour.minus(30, ChronoUnit.MINUTES), 120)));
        assertThat(events("lantian.dust.site-dust-violation.v1", "site/" + site))
                .isEmpty();

        // The station's hour arrives at 60 µg/m³: the site is 60 above, more than the margin of 50.
        List<Stations.StationHour> arrived = stations.saveHours(List.of(new Stations.StationHour(station, hour, 60)))
                .collectList()
                .block();
        assertThat(ingest.rejudge(arrived).block()).isGreaterThanOrEqualTo(1);
        assertThat(events("lantian.dust.site-dust-violation.v1", "site/" + site))
                .singleElement()
                .asString()
                .contains(
                        "\"stationId\":\"" + station + "\"",
                        "\"stationPm10\":60.0",
                        "\"id\":\"dust.monitor.pm10-over-station\"",
                        "\"limit\":110.0");
    }

    @Test
    void aKnownStationHourCloseToTheSitesRaisesNothing() {
        String station = stationAtSite();
        Instant earlier = hour.minus(1, ChronoUnit.HOURS);
        stations.saveHours(List.of(new Stations.StationHour(station, earlier, 100)))
                .collectList()
                .block();
        post(List.of(reading(earlier.minus(20, ChronoUnit.MINUTES), 140)));
        assertThat(events("lantian.dust.site-dust-violation.v1", "site/" + site))
                .isEmpty();
    }

    @Test
    void aBatchNamingAMonitorTheWriterDoesNotGovernIsRefusedWhole() {
        http.post()
                .uri("/api/dust/v1/readings")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(List.of(
                        reading(hour.minus(5, ChronoUnit.MINUTES), 300),
                        Map.of("monitorId", "no-such-monitor", "at", hour.toString(), "pm10", 20)))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("[1].monitorId");
        http.post()
                .uri("/api/dust/v1/readings")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(List.of(Map.of("monitorId", monitor, "at", "yesterday", "pm10", -1)))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == '[0].at')]")
                .exists()
                .jsonPath("$.errors[?(@.field == '[0].pm10')]")
                .exists();
        assertThat(db.sql("select count(*) from monitor_reading where monitor_id = :m")
                        .bind("m", monitor)
                        .map(r -> r.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
    }

    private void send(String body) {
        rabbit.send(
                "",
                QUEUE,
                MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                        .setContentType("application/x-ndjson")
                        .build());
    }

    private String line(Instant at, double pm10) {
        return "{\"monitorId\":\"" + monitor + "\",\"at\":\"" + at + "\",\"pm10\":" + pm10 + "}\n";
    }

    private long stored() {
        return db.sql("select count(*) from monitor_reading where monitor_id = :m")
                .bind("m", monitor)
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }

    private Message deadLetter(String marker) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            for (Message m = rabbit.receive(QUEUE + ".dlq", 500);
                                    m != null;
                                    m = rabbit.receive(QUEUE + ".dlq", 100)) {
                                if (new String(m.getBody(), StandardCharsets.UTF_8).contains(marker)) {
                                    return m;
                                }
                            }
                            return null;
                        },
                        m -> m != null);
    }

    @Test
    void readingsByAmqpGoThroughTheSameRulesAndABadMessageIsDeadLetteredWithItsReason() {
        send(line(hour.minus(50, ChronoUnit.MINUTES), 400) + line(hour.minus(20, ChronoUnit.MINUTES), 300));
        await().atMost(Duration.ofSeconds(20)).until(() -> stored() == 2);
        assertThat(events("lantian.dust.site-dust-violation.v1", "site/" + site))
                .hasSize(1);

        send(line(hour.minus(15, ChronoUnit.MINUTES), 30) + "{\"monitorId\":\"" + monitor + "\",\"at\":\"soon\"}\n");
        Message dead = deadLetter("soon");
        assertThat(String.valueOf(dead.getMessageProperties().getHeaders().get("x-exception-message")))
                .contains("line 2 at:", "line 2 pm10: is required");
        String broken = unique("broken");
        send("{\"monitorId\": \"" + broken);
        assertThat(String.valueOf(
                        deadLetter(broken).getMessageProperties().getHeaders().get("x-exception-message")))
                .contains("line 1 line: not a reading object");
        assertThat(stored()).as("nothing of a rejected message is stored").isEqualTo(2);
    }

    @Test
    void aFieldTheFormatDoesNotNameIsRefusedByHttpAndByAmqpAlike() {
        http.post()
                .uri("/api/dust/v1/readings")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(List.of(Map.of(
                        "monitorId",
                        monitor,
                        "at",
                        hour.minus(5, ChronoUnit.MINUTES).toString(),
                        "pm10",
                        40,
                        "pm1",
                        12)))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("[0].pm1");

        String marker = unique("pm1");
        send(line(hour.minus(45, ChronoUnit.MINUTES), 30)
                + "{\"monitorId\":\"" + monitor + "\",\"at\":\"" + hour.minus(25, ChronoUnit.MINUTES)
                + "\",\"pm10\":31,\"" + marker + "\":12}\n");
        assertThat(String.valueOf(
                        deadLetter(marker).getMessageProperties().getHeaders().get("x-exception-message")))
                .contains("line 2 " + marker + ": is not a known field");

        // A good message after it is taken: the bad one stored nothing, the good one its reading.
        send(line(hour.minus(35, ChronoUnit.MINUTES), 32));
        await().atMost(Duration.ofSeconds(20)).until(() -> stored() == 1);
    }
}
