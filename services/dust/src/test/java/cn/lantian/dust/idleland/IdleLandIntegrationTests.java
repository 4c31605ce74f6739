package cn.lantian.dust.idleland;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The idle-land round trip with the greening service over RabbitMQ: a parcel idle more than three months opens a task
 * (an outbox event for greening), and greening's raw {@code idle-land-task-completed} CloudEvent, sent straight to
 * this run's own queue, closes it.
 */
class IdleLandIntegrationTests extends IntegrationTest {

    private static final String QUEUE = "lantian.greening." + GROUP;

    @Autowired
    RabbitTemplate rabbit;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private String parcel(LocalDate idleSince) {
        String id = unique("parcel");
        http.post()
                .uri("/api/dust/v1/parcels")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "id",
                        id,
                        "areaM2",
                        12500,
                        "idleSince",
                        idleSince.toString(),
                        "address",
                        "城北新区",
                        "lon",
                        SHACHE[0],
                        "lat",
                        SHACHE[1]))
                .exchange()
                .expectStatus()
                .isCreated();
        return id;
    }

    private String status(String parcelId) {
        return db.sql("select status from parcel where id = :id")
                .bind("id", parcelId)
                .map(r -> r.get(0, String.class))
                .one()
                .block();
    }

    private String taskOf(String parcelId) {
        return db.sql("select id from idle_task where parcel_id = :id")
                .bind("id", parcelId)
                .map(r -> r.get(0, String.class))
                .one()
                .block();
    }

    private void completed(String eventId, String taskId, String parcelId) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/lantian/greening",
                 "type":"lantian.greening.idle-land-task-completed.v1","subject":"idle-land-task/%s",
                 "time":"2026-12-01T16:00:00+08:00","datacontenttype":"application/json","jurisdiction":"653125",
                 "agency":"forestry","data":{"taskId":"%s","parcelId":"%s","outcome":"greened","areaM2":12500,
                 "completedOn":"%s"}}""".formatted(eventId, taskId, taskId, parcelId, today);
        rabbit.send(
                "",
                QUEUE,
                MessageBuilder.withBody(event.getBytes(StandardCharsets.UTF_8))
                        .setContentType("application/cloudevents+json")
                        .build());
    }

    @Test
    void landIdleExactlyThreeMonthsOpensNothingAndADayMoreOpensATask() {
        String edge = parcel(today.minusMonths(3));
        assertThat(events("lantian.dust.idle-land-task-opened.v1", "idle-land-task/" + taskOf(edge)))
                .isEmpty();
        assertThat(status(edge)).isEqualTo("idle");
        String overdue = parcel(today.minusMonths(3).minusDays(1));
        String task = taskOf(overdue);
        assertThat(events("lantian.dust.idle-land-task-opened.v1", "idle-land-task/" + task))
                .singleElement()
                .asString()
                .contains(
                        "\"parcelId\":\"" + overdue + "\"",
                        "\"rule\":\"dust.idle-land.max-idle\"",
                        "\"idleSince\":\"" + today.minusMonths(3).minusDays(1) + "\"");
        assertThat(awaitPublished("idle-land-task/" + task)).isEqualTo(1);
        assertThat(status(overdue)).isEqualTo("tasked");
    }

    @Test
    void greeningsCompletionClosesTheTaskOnceOverRabbitMq() {
        String parcel = parcel(today.minusMonths(7));
        String task = taskOf(parcel);
        String eventId = UUID.randomUUID().toString();
        completed(eventId, task, parcel);
        await().atMost(Duration.ofSeconds(20)).until(() -> "greened".equals(status(parcel)));
        http.get()
                .uri("/api/dust/v1/parcels/" + parcel + "/tasks")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].status")
                .isEqualTo("closed")
                .jsonPath("$[0].outcome")
                .isEqualTo("greened");

        // The same event again is recorded once and changes nothing.
        completed(eventId, task, parcel);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> db.sql("select count(*) from processed_event where event_id = :id")
                                .bind("id", eventId)
                                .map(r -> r.get(0, Long.class))
                                .one()
                                .block()
                        == 1);
        assertThat(status(parcel)).isEqualTo("greened");
    }

    @Test
    void aCompletionThatBreaksTheContractIsDeadLetteredWithTheReason() {
        String marker = unique("bad");
        rabbit.send(
                "",
                QUEUE,
                MessageBuilder.withBody(("{\"specversion\":\"1.0\",\"id\":\"" + marker
                                        + "\",\"type\":\"lantian.greening.idle-land-task-completed.v1\"}")
                                .getBytes(StandardCharsets.UTF_8))
                        .setContentType("application/json")
                        .build());
        var dead = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> rabbit.receive(QUEUE + ".dlq", 500),
                        m -> m != null && new String(m.getBody(), StandardCharsets.UTF_8).contains(marker));
        assertThat(String.valueOf(dead.getMessageProperties().getHeaders().get("x-exception-message")))
                .isNotBlank()
                .doesNotContain("Retry policy");
    }
}
