package cn.lantian.greening.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.greening.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

class AlertIntegrationTests extends IntegrationTest {

    @Autowired
    RabbitTemplate rabbit;

    private final String queue = "lantian.air-quality." + GROUP + "-alerts";

    private void send(String eventId, String type, String alertId, String county, String level) {
        String json =
                """
                {"specversion":"1.0","id":"%s","source":"/lantian/air-quality","type":"lantian.air-quality.%s.v1",
                 "subject":"alert/%s","time":"%s","datacontenttype":"application/json","jurisdiction":"%s",
                 "agency":"ecology","data":{"alertId":"%s","county":"%s","level":"%s","effectiveFrom":"%s"}}
                """.formatted(eventId, type, alertId, Instant.now(), county, alertId, county, level, Instant.now());
        // Straight to this run's queue: sent to lantian.air-quality, a test alert would reach a running platform.
        rabbit.send(
                "",
                queue,
                MessageBuilder.withBody(json.getBytes(StandardCharsets.UTF_8))
                        .setContentType("application/cloudevents+json")
                        .build());
    }

    private long processed(String eventId) {
        return db.sql("select count(*) from processed_event where event_id = :id")
                .bind("id", eventId)
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }

    @Test
    void anAlertPutsItsLevelsMeasuresInForceOnceAndLiftingEndsThem() {
        String alertId = unique("alert-653127");
        String issued = UUID.randomUUID().toString();
        send(issued, "alert-issued", alertId, "653127", "yellow");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events("lantian.greening.emergency-measures-activated.v1", "alert/" + alertId)
                                .size()
                        == 1);
        send(issued, "alert-issued", alertId, "653127", "yellow");
        String upgraded = UUID.randomUUID().toString();
        send(upgraded, "alert-upgraded", alertId, "653127", "orange");
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(upgraded) == 1);

        List<String> activated = events("lantian.greening.emergency-measures-activated.v1", "alert/" + alertId);
        assertThat(activated).hasSize(2);
        assertThat(activated.get(0))
                .contains("\"level\":\"yellow\"", "greening-water-bare-plots")
                .doesNotContain("greening-stop-earthworks");
        assertThat(activated.get(1))
                .contains(
                        "\"level\":\"orange\"",
                        "greening-stop-earthworks",
                        "greening-cover-idle-parcels",
                        "\"jurisdiction\":\"653127\"",
                        "\"openIdleLandTasks\":");
        http.get()
                .uri("/api/greening/v1/emergency/alerts")
                .header("Authorization", token(DemoIdentity.FORESTRY_MAIGAITI))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.alertId == '" + alertId + "')].level")
                .isEqualTo("orange");
        http.get()
                .uri("/api/greening/v1/emergency/alerts")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.alertId == '" + alertId + "')]")
                .isEmpty();

        String lifted = UUID.randomUUID().toString();
        send(lifted, "alert-lifted", alertId, "653127", "orange");
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(lifted) == 1);
        assertThat(events("lantian.greening.emergency-measures-ended.v1", "alert/" + alertId))
                .as("the upgrade kept every yellow measure, the lift ends all of orange's")
                .singleElement()
                .asString()
                .contains(
                        "\"reason\":\"lifted\"",
                        "\"level\":\"orange\"",
                        "greening-water-bare-plots",
                        "greening-stop-earthworks");
        http.get()
                .uri("/api/greening/v1/emergency/alerts")
                .header("Authorization", token(DemoIdentity.FORESTRY_MAIGAITI))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.alertId == '" + alertId + "')]")
                .isEmpty();
    }

    @Test
    void aDowngradeEndsTheMeasuresTheLowerLevelDrops() {
        String alertId = "alert-653127-" + UUID.randomUUID();
        send(UUID.randomUUID().toString(), "alert-issued", alertId, "653127", "orange");
        String downgraded = UUID.randomUUID().toString();
        send(downgraded, "alert-downgraded", alertId, "653127", "yellow");
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(downgraded) == 1);
        assertThat(events("lantian.greening.emergency-measures-ended.v1", "alert/" + alertId))
                .singleElement()
                .asString()
                .contains(
                        "\"reason\":\"level-changed\"",
                        "\"level\":\"orange\"",
                        "\"newLevel\":\"yellow\"",
                        "greening-stop-earthworks")
                .doesNotContain("greening-water-bare-plots");
    }

    @Test
    void anAlertForAnUnknownCountyIsDeadLetteredWithTheReason() {
        send(UUID.randomUUID().toString(), "alert-issued", unique("alert-653199"), "653199", "red");
        List<String> reasons = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (Message m = rabbit.receive(queue + ".dlq", 300); m != null; m = rabbit.receive(queue + ".dlq", 100)) {
                reasons.add(String.valueOf(m.getMessageProperties().getHeaders().get("x-exception-message")));
            }
            return !reasons.isEmpty();
        });
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("county 653199 is not a county"));
    }
}
