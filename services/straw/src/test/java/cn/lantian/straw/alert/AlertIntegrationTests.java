package cn.lantian.straw.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.straw.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Alerts from air quality, sent straight to this run's queue so that no running service sees them. */
class AlertIntegrationTests extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Makit (Maigaiti) county's farmland. */
    static final double[] MAKIT = {78.2328, 38.8404};

    @Autowired
    RabbitTemplate rabbit;

    private void send(String type, String alertId, String level, String effectiveFrom) {
        sendAlert(rabbit, type, alertId, "653127", level, effectiveFrom);
    }

    private String level(String alertId) {
        return db.sql("select level from activation where alert_id = :a and ended_at is null")
                .bind("a", alertId)
                .map(r -> r.get(0, String.class))
                .one()
                .blockOptional()
                .orElse("none");
    }

    @Test
    void anAlertPutsTheLevelsMeasuresInForceAndFlagsIncidentsDetectedMeanwhile() {
        String alertId = "alert-653127-test-" + UUID.randomUUID().toString().substring(0, 8);
        send("lantian.air-quality.alert-issued.v1", alertId, "orange", day + "T00:00:00+08:00");
        await().atMost(Duration.ofSeconds(20)).until(() -> !level(alertId).equals("none"));
        assertThat(events("lantian.straw.emergency-measures-activated.v1", "alert/" + alertId))
                .singleElement()
                .asString()
                .contains("\"level\":\"orange\"", "\"county\":\"653127\"", "twice a day", "\"agency\":\"agriculture\"");

        String body = http.post()
                .uri("/api/straw/v1/fire-points")
                .header("Authorization", token(DemoIdentity.AGRI_PREFECTURE))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(MODIS + modis(MAKIT, "Aqua", "0800"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String id = JSON.readTree(body).at("/incidents/0").asString();
        assertThat(events("lantian.straw.fire-point-detected.v1", "fire-point/" + id))
                .singleElement()
                .asString()
                .contains("\"alertId\":\"" + alertId + "\"");

        send("lantian.air-quality.alert-upgraded.v1", alertId, "red", day + "T00:00:00+08:00");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events("lantian.straw.emergency-measures-activated.v1", "alert/" + alertId)
                                .size()
                        == 2);
        send("lantian.air-quality.alert-lifted.v1", alertId, "red", day.plusDays(1) + "T00:00:00+08:00");
        await().atMost(Duration.ofSeconds(20)).until(() -> level(alertId).equals("none"));
        assertThat(events("lantian.straw.emergency-measures-ended.v1", "alert/" + alertId))
                .as("the upgrade ends the orange measures red replaces, the lift ends red's")
                .satisfiesExactly(
                        upgraded -> assertThat(upgraded)
                                .contains(
                                        "\"reason\":\"level-changed\"",
                                        "\"level\":\"orange\"",
                                        "\"newLevel\":\"red\"",
                                        "twice a day"),
                        lifted -> assertThat(lifted)
                                .contains(
                                        "\"reason\":\"lifted\"",
                                        "\"level\":\"red\"",
                                        "\"endedAt\":\""
                                                + day.atStartOfDay(java.time.ZoneOffset.ofHours(8))
                                                        .plusDays(1)
                                                        .toInstant()
                                                + "\""));
        assertThat(db.sql("select ended_at from activation where alert_id = :a")
                        .bind("a", alertId)
                        .map(r -> r.get(0, java.time.Instant.class))
                        .one()
                        .block())
                .as("the measures end when the lift takes effect")
                .isEqualTo(day.atStartOfDay(java.time.ZoneOffset.ofHours(8))
                        .plusDays(1)
                        .toInstant());
    }
}
