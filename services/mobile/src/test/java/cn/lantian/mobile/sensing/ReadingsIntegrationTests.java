package cn.lantian.mobile.sensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.mobile.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Readings by HTTP batch and by AMQP, judged against the limits: the second failure of a pollutant within six months
 * raises the event through the outbox and opens a repair obligation. AMQP messages go straight to this run's queue
 * through the default exchange, as the readings exchange would route them, so a running service never sees them.
 */
class ReadingsIntegrationTests extends IntegrationTest {

    private static final String QUEUE = "lantian.mobile.readings." + GROUP;
    private static final double[] KASHGAR = {76.1771, 39.5215};
    private static final String EXCEEDED = "lantian.mobile.vehicle-emission-exceeded.v1";

    @Autowired
    RabbitTemplate rabbit;

    private static String line(String plate, Instant at, double opacity) {
        return "{\"plate\":\"" + plate + "\",\"at\":\"" + at + "\",\"lon\":" + KASHGAR[0] + ",\"lat\":" + KASHGAR[1]
                + ",\"check\":\"remote-sensing\",\"opacity\":" + opacity
                + ",\"nox\":300,\"speed\":42.5,\"acceleration\":0.3,\"wind\":1.2}\n";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String body) {
        return (Map<String, Object>) http.post()
                .uri("/api/mobile/v1/readings")
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private String dieselTruck() {
        String plate = plate();
        register(
                DemoIdentity.POLICE_KASHGAR,
                vehicle(plate, "heavy-truck", "diesel", "China III", "2010-05-01", true, "653101"));
        return plate;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> obligations(DemoIdentity who, String plate) {
        Map<?, ?> page = http.get()
                .uri("/api/mobile/v1/repair-obligations?plate={p}", plate)
                .header("Authorization", token(who))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    @Test
    void theSecondFailureWithinSixMonthsRaisesTheEventAndOpensARepairObligation() {
        String plate = dieselTruck();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Map<String, Object> first =
                post(line(plate, now.minus(40, ChronoUnit.DAYS), 45) + line(plate, now.minus(39, ChronoUnit.DAYS), 30));
        assertThat(first)
                .containsEntry("stored", 2)
                .containsEntry("overLimit", 1)
                .containsEntry("failures", 0);
        assertThat(events(EXCEEDED, "vehicle/" + plate)).isEmpty();
        assertThat(obligations(DemoIdentity.POLICE_KASHGAR, plate)).isEmpty();

        Map<String, Object> second = post(line(plate, now.minus(1, ChronoUnit.DAYS), 52));
        assertThat(second).containsEntry("failures", 1);
        assertThat(events(EXCEEDED, "vehicle/" + plate))
                .singleElement()
                .asString()
                .contains(
                        "\"pollutant\":\"opacity\"",
                        "\"value\":52.0",
                        "\"limit\":30.0",
                        "\"check\":\"remote-sensing\"",
                        "\"jurisdiction\":\"653101\"",
                        "unconfirmed");
        assertThat(obligations(DemoIdentity.POLICE_KASHGAR, plate))
                .singleElement()
                .satisfies(o -> assertThat(o).containsEntry("status", "open").containsEntry("pollutant", "opacity"));
        assertThat(obligations(DemoIdentity.ECO_SHACHE, plate))
                .as("another county sees none of it")
                .isEmpty();

        // A third failure while the obligation is open raises nothing new; a redelivered batch stores nothing twice.
        post(line(plate, now.minus(2, ChronoUnit.HOURS), 60));
        Map<String, Object> again = post(line(plate, now.minus(1, ChronoUnit.DAYS), 52));
        assertThat(again).containsEntry("stored", 0);
        assertThat(events(EXCEEDED, "vehicle/" + plate)).hasSize(1);
    }

    @Test
    void failuresMoreThanSixMonthsApartAreNoFailureUntilASecondFallsInsideTheWindow() {
        String plate = dieselTruck();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Six months and a day before the second failure (a day ago).
        Instant longAgo = now.atZone(Judgement.ZONE).minusMonths(6).minusDays(2).toInstant();

        assertThat(post(line(plate, longAgo, 45))).containsEntry("failures", 0);
        assertThat(post(line(plate, now.minus(1, ChronoUnit.DAYS), 45)))
                .as("the earlier failure lies a day outside the six months")
                .containsEntry("overLimit", 1)
                .containsEntry("failures", 0);
        assertThat(events(EXCEEDED, "vehicle/" + plate)).isEmpty();

        assertThat(post(line(plate, now.minus(1, ChronoUnit.HOURS), 45))).containsEntry("failures", 1);
        assertThat(events(EXCEEDED, "vehicle/" + plate))
                .singleElement()
                .asString()
                .contains("\"failuresInWindow\":2");
    }

    @Test
    void readingsOutsideTheMeasurementConditionsAreRecordedAsInvalidAndNotJudged() {
        String plate = dieselTruck();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String windy = line(plate, now.minus(5, ChronoUnit.DAYS), 60).replace("\"wind\":1.2", "\"wind\":9.5");
        String braking =
                line(plate, now.minus(4, ChronoUnit.DAYS), 60).replace("\"acceleration\":0.3", "\"acceleration\":-3");
        String noSpeed = line(plate, now.minus(3, ChronoUnit.DAYS), 60).replace(",\"speed\":42.5", "");

        Map<String, Object> report = post(windy + braking + noSpeed);

        assertThat(report)
                .containsEntry("stored", 3)
                .containsEntry("invalid", 3)
                .containsEntry("overLimit", 0)
                .containsEntry("failures", 0);
        assertThat(db.sql("select invalid_reason from reading where plate = :p and not valid order by at")
                        .bind("p", plate)
                        .map(r -> r.get(0, String.class))
                        .all()
                        .collectList()
                        .block())
                .containsExactly(
                        "wind 9.5 m/s outside 0.0 to 5.0 m/s",
                        "acceleration -3.0 m/s2 outside -1.0 to 2.5 m/s2",
                        "speed not measured");
        assertThat(events(EXCEEDED, "vehicle/" + plate)).isEmpty();
    }

    @Test
    void aBatchWithABadLineAnswersTheProblemShapeAndStoresNothing() {
        String plate = dieselTruck();
        String body = line(plate, Instant.now().minus(1, ChronoUnit.DAYS), 45)
                + "{\"plate\":\"" + plate + "\",\"at\":\"soon\",\"lon\":76.1,\"lat\":39.5,\"opacity\":1}\n"
                + line(plate, Instant.now().minus(2, ChronoUnit.DAYS), 45).replace("76.1771", "116.4");
        http.post()
                .uri("/api/mobile/v1/readings")
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(f -> assertThat((List<String>) f).contains("line 2 at", "line 3 lon"));
        assertThat(db.sql("select count(*) from reading where plate = :p")
                        .bind("p", plate)
                        .map(r -> r.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
    }

    @Test
    void readingsByAmqpAreJudgedAlikeAndABadMessageIsDeadLetteredWithItsReason() {
        String plate = dieselTruck();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(
                line(plate, now.minus(3, ChronoUnit.DAYS), 41) + line(plate, now.minus(2, ChronoUnit.DAYS), 44),
                "application/x-ndjson");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events(EXCEEDED, "vehicle/" + plate).size() == 1);
        assertThat(obligations(DemoIdentity.POLICE_KASHGAR, plate)).hasSize(1);

        String bad = plate();
        send("plate,at,lon,lat,opacity\n" + bad + ",not-a-time,76.17,39.52,40\n", "text/csv");
        Message dead = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            for (Message m = rabbit.receive(QUEUE + ".dlq", 500);
                                    m != null;
                                    m = rabbit.receive(QUEUE + ".dlq", 100)) {
                                if (new String(m.getBody(), StandardCharsets.UTF_8).contains(bad)) {
                                    return m;
                                }
                            }
                            return null;
                        },
                        m -> m != null);
        assertThat(String.valueOf(dead.getMessageProperties().getHeaders().get("x-exception-message")))
                .contains("line 2 at: must be an ISO date-time with offset");
        assertThat(db.sql("select count(*) from reading where plate = :p")
                        .bind("p", bad)
                        .map(r -> r.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
    }

    @Test
    void theNewestReadingAtAPlaceTellsADeviceWhereItsDataStandsToThoseWhoMaySeeIt() {
        String plate = dieselTruck();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // A place of this run alone, inside Kashgar City: no other test's reading stands exactly there.
        double lon = KASHGAR[0] + ThreadLocalRandom.current().nextInt(1, 9_000) / 1_000_000.0;
        double lat = KASHGAR[1];
        assertThat(latest(DemoIdentity.POLICE_KASHGAR, "remote-sensing", lon, lat)
                        .get("at"))
                .isNull();

        post(line(plate, now.minus(3, ChronoUnit.HOURS), 10).replace(String.valueOf(KASHGAR[0]), String.valueOf(lon))
                + line(plate, now.minus(2, ChronoUnit.HOURS), 10)
                        .replace(String.valueOf(KASHGAR[0]), String.valueOf(lon)));
        post(line(plate, now.minus(1, ChronoUnit.HOURS), 10));

        assertThat(Instant.parse(String.valueOf(latest(DemoIdentity.POLICE_KASHGAR, "remote-sensing", lon, lat)
                        .get("at"))))
                .as("the newest reading at that place, not the newer one elsewhere")
                .isEqualTo(now.minus(2, ChronoUnit.HOURS));
        assertThat(latest(DemoIdentity.POLICE_KASHGAR, "roadside", lon, lat).get("at"))
                .isNull();
        assertThat(latest(DemoIdentity.ECO_SHACHE, "remote-sensing", lon, lat).get("at"))
                .as("another county learns nothing of Kashgar City's readings")
                .isNull();
        http.get()
                .uri("/api/mobile/v1/readings/latest?check=speed-camera&lon={lon}&lat={lat}", lon, lat)
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .exchange()
                .expectStatus()
                .isBadRequest();
        http.get()
                .uri("/api/mobile/v1/readings/latest?lon=1e400&lat={lat}", lat)
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> latest(DemoIdentity who, String check, double lon, double lat) {
        return (Map<String, Object>) http.get()
                .uri("/api/mobile/v1/readings/latest?check={c}&lon={lon}&lat={lat}", check, lon, lat)
                .header("Authorization", token(who))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private void send(String body, String contentType) {
        rabbit.send(
                "",
                QUEUE,
                MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                        .setContentType(contentType)
                        .build());
    }
}
