package cn.lantian.stationary.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.stationary.IntegrationTest;
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
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class EmergencyIntegrationTests extends IntegrationTest {

    @Autowired
    RabbitTemplate rabbit;

    private String enterprise;
    private String line;
    private String outlet;
    private final String alertId = unique("alert-653125");
    private final Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

    @BeforeEach
    void listOfMeasures() {
        // Alerts of earlier runs in the same county would put these measures in force more than once.
        db.sql("update emergency_alert set lifted_at = now() where lifted_at is null")
                .then()
                .block();
        enterprise = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        line = facility(DemoIdentity.ECO_SHACHE, enterprise, "line", SHACHE, Map.of("product", "clinker"));
        outlet = facility(
                DemoIdentity.ECO_SHACHE,
                enterprise,
                "outlet",
                SHACHE,
                Map.of("code", "DA001", "sourceKind", "cement-kiln"));
        measure("yellow", "限产20% cut output by 20 %", 1200.0, null);
        measure("orange", "2#熟料线停产 stop clinker line 2", 400.0, 10000.0);
    }

    private void measure(String level, String text, Double kw, Double flow) {
        var body = new java.util.HashMap<String, Object>(Map.of(
                "enterpriseId",
                enterprise,
                "lineId",
                line,
                "level",
                level,
                "measure",
                text,
                "pmKgD",
                120.5,
                "so2KgD",
                80,
                "noxKgD",
                310,
                "vocsKgD",
                5,
                "allowedKw",
                kw));
        if (flow != null) {
            body.put("outletId", outlet);
            body.put("allowedFlowM3h", flow);
        }
        http.post()
                .uri("/api/stationary/v1/emergency/measures")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private Message alert(String id, String type, String level) {
        String json = """
                {"specversion":"1.0","id":"%s","source":"/lantian/air-quality","type":"lantian.air-quality.%s.v1",
                 "subject":"alert/%s","time":"%s","datacontenttype":"application/json","jurisdiction":"653125",
                 "agency":"ecology","data":{"alertId":"%s","county":"653125","level":"%s","effectiveFrom":"%s"}}
                """.formatted(id, type, alertId, Instant.now(), alertId, level, from);
        return MessageBuilder.withBody(json.getBytes(StandardCharsets.UTF_8))
                .setContentType("application/cloudevents+json")
                .build();
    }

    /**
     * Delivers the alert to this run's queue through the default exchange, as the air-quality exchange routes it: sent
     * to that exchange, a test alert would also put a running platform's demo measures in force.
     */
    private void send(Message m, String type) {
        rabbit.send("", "lantian.air-quality." + GROUP, m);
    }

    private long tasks(String status) {
        return db.sql(
                        "select count(*) from verification_task where alert_id = :a and enterprise_id = :e and status = :s")
                .bind("a", alertId)
                .bind("e", enterprise)
                .bind("s", status)
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }

    private void electricity(double kw, Instant at) {
        http.post()
                .uri("/api/stationary/v1/emergency/electricity")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(List.of(Map.of("lineId", line, "at", at.toString(), "kw", kw)))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void alertActivatesMeasuresOnceAndReadingsAboveAllowanceAreNoncompliantUntilLifted() {
        String issuedId = UUID.randomUUID().toString();
        send(alert(issuedId, "alert-issued", "orange"), "alert-issued");
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks("open") == 1);
        assertThat(events("lantian.stationary.emergency-measures-activated.v1", "enterprise/" + enterprise))
                .singleElement()
                .asString()
                .contains("\"level\":\"orange\"", "stop clinker line 2");
        http.get()
                .uri("/api/stationary/v1/emergency/tasks?alertId={a}", alertId)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.enterpriseId == '" + enterprise + "')].level")
                .isEqualTo(List.of("orange"));
        http.get()
                .uri("/api/stationary/v1/emergency/tasks?alertId={a}", alertId)
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);

        // A redelivered event changes nothing.
        send(alert(issuedId, "alert-issued", "orange"), "alert-issued");
        String marker = UUID.randomUUID().toString();
        send(alert(marker, "alert-upgraded", "orange"), "alert-upgraded");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> db.sql("select count(*) from processed_event where event_id = :id")
                                .bind("id", marker)
                                .map(r -> r.get(0, Long.class))
                                .one()
                                .block()
                        == 1);
        assertThat(events("lantian.stationary.emergency-measures-activated.v1", "enterprise/" + enterprise))
                .hasSize(2);
        assertThat(tasks("open")).isEqualTo(1);

        electricity(400, from.plus(15, ChronoUnit.MINUTES));
        assertThat(events("lantian.stationary.emergency-noncompliance.v1", "enterprise/" + enterprise))
                .isEmpty();
        electricity(1800, from.plus(30, ChronoUnit.MINUTES));
        assertThat(events("lantian.stationary.emergency-noncompliance.v1", "enterprise/" + enterprise))
                .singleElement()
                .asString()
                .contains("\"evidence\":\"electricity\"", "\"observed\":1800.0", "\"allowed\":400.0");

        http.post()
                .uri("/api/stationary/v1/cems/readings")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue("{\"outletId\":\"" + outlet + "\",\"pollutant\":\"PM\",\"hour\":\"" + from
                        + "\",\"value\":5,\"o2\":10,\"flow\":25000,\"flag\":\"N\"}\n")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(events("lantian.stationary.emergency-noncompliance.v1", "enterprise/" + enterprise))
                .anySatisfy(e -> assertThat(e).contains("\"evidence\":\"flow\"", "\"observed\":25000.0"));

        send(alert(UUID.randomUUID().toString(), "alert-lifted", "orange"), "alert-lifted");
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks("ended") == 1 && tasks("open") == 0);
        assertThat(events("lantian.stationary.emergency-measures-ended.v1", "enterprise/" + enterprise))
                .singleElement()
                .asString()
                .contains("\"reason\":\"lifted\"", "\"level\":\"orange\"", "stop clinker line 2");
        electricity(2000, from.plus(45, ChronoUnit.MINUTES));
        assertThat(events("lantian.stationary.emergency-noncompliance.v1", "enterprise/" + enterprise))
                .hasSize(2);
    }

    @Test
    void aDowngradeEndsTheHigherLevelsMeasuresAndTheLiftEndsTheRest() {
        send(alert(UUID.randomUUID().toString(), "alert-issued", "orange"), "alert-issued");
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks("open") == 1);
        assertThat(events("lantian.stationary.emergency-measures-ended.v1", "enterprise/" + enterprise))
                .isEmpty();

        send(alert(UUID.randomUUID().toString(), "alert-downgraded", "yellow"), "alert-downgraded");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events("lantian.stationary.emergency-measures-ended.v1", "enterprise/" + enterprise)
                                .size()
                        == 1);
        assertThat(events("lantian.stationary.emergency-measures-ended.v1", "enterprise/" + enterprise))
                .singleElement()
                .asString()
                .contains(
                        "\"reason\":\"level-changed\"",
                        "\"level\":\"orange\"",
                        "\"newLevel\":\"yellow\"",
                        "stop clinker line 2")
                .doesNotContain("cut output by 20 %");
        assertThat(tasks("open")).isEqualTo(1);

        send(alert(UUID.randomUUID().toString(), "alert-lifted", "yellow"), "alert-lifted");
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks("open") == 0);
        assertThat(events("lantian.stationary.emergency-measures-ended.v1", "enterprise/" + enterprise))
                .hasSize(2)
                .last()
                .asString()
                .contains("\"reason\":\"lifted\"", "\"level\":\"yellow\"", "cut output by 20 %");
    }

    @Test
    void electricityValuesArriveByMessageTooAndABadOneIsDeadLetteredWithTheReason() {
        String queue = "lantian.stationary.readings." + GROUP + "-electricity";
        send(alert(UUID.randomUUID().toString(), "alert-issued", "orange"), "alert-issued");
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks("open") == 1);
        String body = "{\"lineId\":\"" + line + "\",\"at\":\"" + from.plus(15, ChronoUnit.MINUTES) + "\",\"kw\":300}\n"
                + "{\"lineId\":\"" + line + "\",\"at\":\"" + from.plus(30, ChronoUnit.MINUTES) + "\",\"kw\":1900}\n";
        rabbit.send(
                "",
                queue,
                MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                        .setContentType("application/x-ndjson")
                        .build());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !events("lantian.stationary.emergency-noncompliance.v1", "enterprise/" + enterprise)
                        .isEmpty());
        assertThat(events("lantian.stationary.emergency-noncompliance.v1", "enterprise/" + enterprise))
                .singleElement()
                .asString()
                .contains("\"evidence\":\"electricity\"", "\"observed\":1900.0");

        String unknown = unique("no-such-line");
        String bad = "{\"lineId\":\"" + unknown + "\",\"at\":\"" + from + "\",\"kw\":10}\n";
        rabbit.send(
                "",
                queue,
                MessageBuilder.withBody(bad.getBytes(StandardCharsets.UTF_8)).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (Message m = rabbit.receive(queue + ".dlq", 500); m != null; m = rabbit.receive(queue + ".dlq", 100)) {
                if (new String(m.getBody(), StandardCharsets.UTF_8).contains(unknown)) {
                    assertThat(String.valueOf(
                                    m.getMessageProperties().getHeaders().get("x-exception-message")))
                            .contains("lineId: no production line " + unknown);
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    void downgradeEndsTheHigherLevelTasksAndOpensTheLowerOnes() {
        send(alert(UUID.randomUUID().toString(), "alert-issued", "orange"), "alert-issued");
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks("open") == 1);
        send(alert(UUID.randomUUID().toString(), "alert-downgraded", "yellow"), "alert-downgraded");
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks("ended") == 1 && tasks("open") == 1);
        String level = db.sql(
                        "select level from verification_task where alert_id = :a and enterprise_id = :e and status = 'open'")
                .bind("a", alertId)
                .bind("e", enterprise)
                .map(r -> r.get(0, String.class))
                .one()
                .block();
        assertThat(level).isEqualTo("yellow");
    }

    @Test
    void anEventThatBreaksTheContractIsDeadLetteredWithTheReason() {
        String id = UUID.randomUUID().toString();
        String bad = "{\"specversion\":\"1.0\",\"id\":\"" + id
                + "\",\"source\":\"/x\",\"type\":\"lantian.air-quality.alert-issued.v1\","
                + "\"time\":\"2026-01-01T00:00:00Z\",\"datacontenttype\":\"application/json\",\"jurisdiction\":\"653125\","
                + "\"data\":{\"alertId\":\"" + alertId + "\"}}";
        send(MessageBuilder.withBody(bad.getBytes(StandardCharsets.UTF_8)).build(), "alert-issued");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Message dead = rabbit.receive("lantian.air-quality." + GROUP + ".dlq", 500);
            while (dead != null) {
                if (new String(dead.getBody(), StandardCharsets.UTF_8).contains(id)) {
                    assertThat(String.valueOf(
                                    dead.getMessageProperties().getHeaders().get("x-lantian-reason")))
                            .contains("county");
                    return true;
                }
                dead = rabbit.receive("lantian.air-quality." + GROUP + ".dlq", 100);
            }
            return false;
        });
    }
}
