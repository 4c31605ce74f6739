package cn.lantian.mobile.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.mobile.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The air-quality service's raw alert events, sent straight to this run's own queue, put the level's traffic measures
 * in force in the county; a restricted truck seen there meanwhile is non-compliant; a downgrade and the lift end the
 * measures with an event naming them.
 */
class EmergencyIntegrationTests extends IntegrationTest {

    private static final String QUEUE = "lantian.air-quality." + GROUP;
    private static final String COUNTY = "653101";
    private static final double[] KASHGAR = {76.1771, 39.5215};

    @Autowired
    RabbitTemplate rabbit;

    private final Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(10, ChronoUnit.MINUTES);

    /** Alerts an earlier run left in force in Kashgar city would overlap this test's readings. */
    @BeforeEach
    void noEarlierAlerts() {
        db.sql("update emergency_alert set lifted_at = now() where county = :c and lifted_at is null")
                .bind("c", COUNTY)
                .then()
                .block();
    }

    private void alert(String type, String alertId, String level) {
        String event =
                """
                {"specversion":"1.0","id":"%s","source":"/lantian/air-quality","type":"lantian.air-quality.%s.v1",
                 "subject":"alert/%s","time":"%s","datacontenttype":"application/json","jurisdiction":"%s",
                 "agency":"ecology","severity":"major",
                 "data":{"alertId":"%s","county":"%s","level":"%s","effectiveFrom":"%s"}}""".formatted(UUID.randomUUID(), type, alertId, Instant.now(), COUNTY, alertId, COUNTY, level, from);
        rabbit.send(
                "",
                QUEUE,
                MessageBuilder.withBody(event.getBytes(StandardCharsets.UTF_8))
                        .setContentType("application/cloudevents+json")
                        .build());
    }

    private String lifted(String alertId) {
        return db.sql("select coalesce(lifted_at::text, 'active') from emergency_alert where alert_id = :id")
                .bind("id", alertId)
                .map(r -> r.get(0, String.class))
                .one()
                .blockOptional()
                .orElse("unknown");
    }

    private String level(String alertId) {
        return db.sql("select level from emergency_alert where alert_id = :id")
                .bind("id", alertId)
                .map(r -> r.get(0, String.class))
                .one()
                .blockOptional()
                .orElse("unknown");
    }

    private String truck(String kind, String stage, String certifiedOn) {
        String plate = plate();
        register(DemoIdentity.POLICE_KASHGAR, vehicle(plate, kind, "diesel", stage, certifiedOn, true, COUNTY));
        return plate;
    }

    private void seen(String plate, Instant at) {
        String line = "{\"plate\":\"" + plate + "\",\"at\":\"" + at + "\",\"lon\":" + KASHGAR[0] + ",\"lat\":"
                + KASHGAR[1] + ",\"check\":\"remote-sensing\",\"opacity\":1,\"nox\":100,\"speed\":40}\n";
        http.post()
                .uri("/api/mobile/v1/readings")
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(line)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void anOrangeAlertRestrictsOldDieselTrucksUntilItIsDowngradedAndLifted() {
        String alertId = unique("alert-" + COUNTY);
        String old = truck("heavy-truck", "China IV", "2016-03-01");
        String recent = truck("heavy-truck", "China VI-a", "2022-03-01");
        alert("alert-issued", alertId, "orange");
        await().atMost(Duration.ofSeconds(20)).until(() -> "active".equals(lifted(alertId)));
        assertThat(events(EmergencyService.ACTIVATED, "alert/" + alertId))
                .singleElement()
                .asString()
                .contains(
                        "\"level\":\"orange\"",
                        "\"county\":\"" + COUNTY + "\"",
                        "heavy-diesel-trucks-restricted",
                        "old-machinery-stopped",
                        "\"agency\":\"traffic-police\"")
                .containsPattern("\"restrictedTrucks\":[1-9]");

        seen(old, Instant.now().minusSeconds(30));
        seen(recent, Instant.now().minusSeconds(30));
        assertThat(events(EmergencyService.NONCOMPLIANCE, "vehicle/" + old))
                .singleElement()
                .asString()
                .contains(
                        "\"alertId\":\"" + alertId + "\"",
                        "\"measure\":\"heavy-diesel-trucks-restricted\"",
                        "\"evidence\":\"remote-sensing\"",
                        "\"jurisdiction\":\"" + COUNTY + "\"",
                        "\"severity\":\"critical\"");
        assertThat(events(EmergencyService.NONCOMPLIANCE, "vehicle/" + recent))
                .as("a China VI truck is not restricted")
                .isEmpty();
        seen(old, Instant.now().minusSeconds(10));
        assertThat(events(EmergencyService.NONCOMPLIANCE, "vehicle/" + old))
                .as("once per alert, vehicle and measure")
                .hasSize(1);

        alert("alert-downgraded", alertId, "yellow");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events(EmergencyService.ENDED, "alert/" + alertId).size() == 1);
        assertThat(events(EmergencyService.ENDED, "alert/" + alertId))
                .singleElement()
                .asString()
                .contains(
                        "\"reason\":\"level-changed\"",
                        "\"level\":\"orange\"",
                        "\"newLevel\":\"yellow\"",
                        "heavy-diesel-trucks-restricted",
                        "old-machinery-stopped");
        // The ended event and the new level are written by one handler: wait for the level, not only the event.
        await().atMost(Duration.ofSeconds(20)).until(() -> "yellow".equals(level(alertId)));
        String another = truck("heavy-truck", "China IV", "2016-03-01");
        seen(another, Instant.now());
        assertThat(events(EmergencyService.NONCOMPLIANCE, "vehicle/" + another))
                .as("yellow keeps China IV trucks out of town centres only")
                .isEmpty();

        alert("alert-lifted", alertId, "yellow");
        await().atMost(Duration.ofSeconds(20)).until(() -> !"active".equals(lifted(alertId)));
        assertThat(events(EmergencyService.ENDED, "alert/" + alertId))
                .hasSize(2)
                .last()
                .asString()
                .contains("\"reason\":\"lifted\"", "\"level\":\"yellow\"", "heavy-diesel-trucks-routed");
        String third = truck("heavy-truck", "China III", "2012-03-01");
        seen(third, Instant.now());
        assertThat(events(EmergencyService.NONCOMPLIANCE, "vehicle/" + third))
                .as("nothing after lifting")
                .isEmpty();
    }
}
