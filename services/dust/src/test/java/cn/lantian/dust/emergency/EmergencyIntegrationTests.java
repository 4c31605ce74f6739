package cn.lantian.dust.emergency;

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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Alert activation and lifting: the air-quality service's raw alert events, sent straight to this run's own queue,
 * put the level's measures in force; a site in a stopped phase whose monitor shows it working is non-compliant until
 * the alert is lifted.
 */
class EmergencyIntegrationTests extends IntegrationTest {

    private static final String QUEUE = "lantian.air-quality." + GROUP;

    @Autowired
    RabbitTemplate rabbit;

    private final Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(5, ChronoUnit.HOURS);

    /** Alerts an earlier run left in force in Shache would overlap this test's hours. */
    @BeforeEach
    void noEarlierAlerts() {
        db.sql("delete from emergency_noncompliance where alert_id in "
                        + "(select alert_id from emergency_alert where county = '653125')")
                .fetch()
                .rowsUpdated()
                .block();
        db.sql("delete from emergency_alert where county = '653125'")
                .fetch()
                .rowsUpdated()
                .block();
    }

    private void alert(String type, String alertId, String level) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/lantian/air-quality","type":"lantian.air-quality.%s.v1",
                 "subject":"alert/%s","time":"2026-12-01T09:00:00+08:00","datacontenttype":"application/json",
                 "jurisdiction":"653125","agency":"ecology","severity":"major",
                 "data":{"alertId":"%s","county":"653125","level":"%s","previousLevel":"none","effectiveFrom":"%s",
                 "basis":"test","rule":{"id":"alert-orange-a","source":"环大气〔2024〕6号"}}}""".formatted(UUID.randomUUID(), type, alertId, alertId, level, from);
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
                .orElse("none");
    }

    private void readings(String monitor, Instant hour, double pm10) {
        http.post()
                .uri("/api/dust/v1/readings")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(List.of(Map.of(
                        "monitorId",
                        monitor,
                        "at",
                        hour.minus(10, ChronoUnit.MINUTES).toString(),
                        "pm10",
                        pm10)))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void anOrangeAlertStopsEarthworkAndAMonitorShowingWorkIsNonCompliantUntilTheAlertIsLifted() {
        String site = unique("site");
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "id",
                        site,
                        "project",
                        "应急测试",
                        "builderName",
                        "莎车建工",
                        "builderCreditCode",
                        CREDIT_CODE,
                        "areaM2",
                        6000,
                        "phase",
                        "earthwork",
                        "lon",
                        SHACHE[0],
                        "lat",
                        SHACHE[1]))
                .exchange()
                .expectStatus()
                .isCreated();
        String monitor = unique("mon");
        http.post()
                .uri("/api/dust/v1/sites/" + site + "/monitors")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of("id", monitor))
                .exchange()
                .expectStatus()
                .isCreated();

        String alertId = unique("alert-653125");
        alert("alert-issued", alertId, "orange");
        await().atMost(Duration.ofSeconds(20)).until(() -> "active".equals(lifted(alertId)));
        assertThat(events("lantian.dust.emergency-measures-activated.v1", "alert/" + alertId))
                .singleElement()
                .asString()
                .contains(
                        "\"level\":\"orange\"",
                        "stop-earthwork-demolition",
                        "muck-transport-restricted",
                        "\"stoppedPhases\":[\"demolition\",\"earthwork\"]");
        http.get()
                .uri("/api/dust/v1/emergencies")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.alertId == '" + alertId + "')].level")
                .isEqualTo("orange");
        http.get()
                .uri("/api/dust/v1/emergencies")
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.alertId == '" + alertId + "')]")
                .isEmpty();

        // An hour above the alarm level while the measure is in force: the site kept working.
        Instant during = from.plus(2, ChronoUnit.HOURS);
        readings(monitor, during, 300);
        assertThat(events("lantian.dust.emergency-noncompliance.v1", "site/" + site))
                .singleElement()
                .asString()
                .contains(
                        "\"alertId\":\"" + alertId + "\"",
                        "\"evidence\":\"monitor\"",
                        "\"measure\":\"stop-earthwork-demolition\"");
        // An inspection that saw earthwork under way during the alert is evidence too.
        List<Map<String, Object>> items =
                List.of("enclosure", "covering", "washing", "hardening", "wet-work", "sealed-transport").stream()
                        .map(i -> Map.<String, Object>of("item", i, "passed", true))
                        .toList();
        http.post()
                .uri("/api/dust/v1/sites/" + site + "/inspections")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "inspectedAt", from.plus(3, ChronoUnit.HOURS).toString(), "items", items, "working", true))
                .exchange()
                .expectStatus()
                .isCreated();
        assertThat(events("lantian.dust.emergency-noncompliance.v1", "site/" + site))
                .hasSize(2)
                .last()
                .asString()
                .contains("\"evidence\":\"inspection\"");
        assertThat(awaitPublished("site/" + site)).isGreaterThanOrEqualTo(3);
        assertThat(awaitPublished("alert/" + alertId)).isEqualTo(1);

        alert("alert-lifted", alertId, "orange");
        await().atMost(Duration.ofSeconds(20)).until(() -> !"active".equals(lifted(alertId)));
        // A reading a minute ago belongs to the hour ending after the lifting.
        readings(monitor, Instant.now().plus(9, ChronoUnit.MINUTES), 320);
        assertThat(events("lantian.dust.emergency-noncompliance.v1", "site/" + site))
                .as("nothing after lifting")
                .hasSize(2);
    }

    @Test
    void aYellowAlertStopsNoSitePhase() {
        String alertId = unique("alert-653125");
        alert("alert-issued", alertId, "yellow");
        await().atMost(Duration.ofSeconds(20)).until(() -> "active".equals(lifted(alertId)));
        assertThat(events("lantian.dust.emergency-measures-activated.v1", "alert/" + alertId))
                .singleElement()
                .asString()
                .contains("\"stoppedPhases\":[]", "\"sitesToStop\":0", "road-washing");
    }

    @Test
    void aDowngradeEndsTheMeasuresTheLowerLevelDropsAndTheLiftEndsTheRest() {
        String alertId = unique("alert-653125");
        String ended = "lantian.dust.emergency-measures-ended.v1";
        alert("alert-issued", alertId, "orange");
        await().atMost(Duration.ofSeconds(20)).until(() -> "active".equals(lifted(alertId)));
        assertThat(events(ended, "alert/" + alertId)).isEmpty();

        alert("alert-downgraded", alertId, "yellow");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events(ended, "alert/" + alertId).size() == 1);
        assertThat(events(ended, "alert/" + alertId))
                .singleElement()
                .asString()
                .contains(
                        "\"reason\":\"level-changed\"",
                        "\"level\":\"orange\"",
                        "\"newLevel\":\"yellow\"",
                        "stop-earthwork-demolition",
                        "muck-transport-restricted")
                .doesNotContain("road-washing");

        alert("alert-lifted", alertId, "yellow");
        await().atMost(Duration.ofSeconds(20)).until(() -> !"active".equals(lifted(alertId)));
        assertThat(events(ended, "alert/" + alertId))
                .hasSize(2)
                .last()
                .asString()
                .contains("\"reason\":\"lifted\"", "\"level\":\"yellow\"", "road-washing");
    }
}
