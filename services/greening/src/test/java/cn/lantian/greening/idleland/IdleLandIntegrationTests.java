package cn.lantian.greening.idleland;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.greening.EventQueue;
import cn.lantian.greening.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

class IdleLandIntegrationTests extends IntegrationTest {

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    ConnectionFactory connections;

    private final String queue = "lantian.dust." + GROUP;

    /** The dust service's event as raw CloudEvents JSON, as an outside system would send it. */
    private String opened(String eventId, String taskId, String jurisdiction, double areaM2, String data) {
        LocalDate idleSince = LocalDate.now().minusMonths(4);
        return """
                {"specversion":"1.0","id":"%s","source":"/lantian/dust","type":"lantian.dust.idle-land-task-opened.v1",
                 "subject":"idle-land-task/%s","time":"%sT10:00:00+08:00","datacontenttype":"application/json",
                 "jurisdiction":"%s","agency":"housing",
                 "data":{"taskId":"%s","parcelId":"parcel-%s","areaM2":%s,"idleSince":"%s","dueBy":"%s",
                         "rule":"dust.idle-land.max-idle","address":"莎车县城北新区 3 号地块",
                         "location":{"lon":77.25,"lat":38.43}%s}}
                """.formatted(
                        eventId,
                        taskId,
                        LocalDate.now().minusDays(1),
                        jurisdiction,
                        taskId,
                        taskId,
                        areaM2,
                        idleSince,
                        idleSince.plusMonths(7),
                        data);
    }

    /** Delivers straight to this run's queue: sent to lantian.dust, a test task would reach a running platform. */
    private void send(String json) {
        rabbit.send(
                "",
                queue,
                MessageBuilder.withBody(json.getBytes(StandardCharsets.UTF_8))
                        .setContentType("application/cloudevents+json")
                        .build());
    }

    private long count(String sql, String id) {
        return db.sql(sql).bind("id", id).map(r -> r.get(0, Long.class)).one().block();
    }

    @Test
    void aTaskFromDustIsReceivedPlannedDoneAndAnsweredWithTheCompletedEvent() {
        EventQueue published = new EventQueue(
                connections,
                rabbit,
                List.of("lantian.greening.idle-land-task-completed.v1", "lantian.greening.area-greened.v1"));
        String taskId = unique("ilt-653125");
        String eventId = UUID.randomUUID().toString();
        send(opened(eventId, taskId, "653125", 12500, ""));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from idle_land_task where task_id = :id", taskId) == 1);
        // A redelivery changes nothing.
        send(opened(eventId, taskId, "653125", 99999, ""));

        String path = "/api/greening/v1/idle-land-tasks/" + taskId;
        http.get()
                .uri(path)
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("received")
                .jsonPath("$.areaM2")
                .isEqualTo(12500.0);
        http.get()
                .uri(path)
                .header("Authorization", token(DemoIdentity.FORESTRY_MAIGAITI))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.put()
                .uri(path + "/plan")
                .header("Authorization", token(DemoIdentity.FORESTRY_MAIGAITI))
                .bodyValue(Map.of(
                        "outcome", "greened", "plannedOn", LocalDate.now().toString()))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.put()
                .uri(path + "/plan")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(Map.of(
                        "outcome", "greened", "plannedOn", LocalDate.now().toString()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("planned");

        // More than the parcel, or before the parcel fell idle: refused, and nothing is published.
        http.post()
                .uri(path + "/completion")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(Map.of(
                        "outcome",
                        "greened",
                        "areaM2",
                        12500.5,
                        "completedOn",
                        LocalDate.now().toString()))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("areaM2");
        http.post()
                .uri(path + "/completion")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(Map.of(
                        "outcome",
                        "greened",
                        "areaM2",
                        100,
                        "completedOn",
                        LocalDate.now().minusMonths(5).toString()))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("completedOn");
        assertThat(events("lantian.greening.idle-land-task-completed.v1", "idle-land-task/" + taskId))
                .isEmpty();

        http.post()
                .uri(path + "/completion")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(Map.of(
                        "outcome",
                        "greened",
                        "areaM2",
                        12500,
                        "completedOn",
                        LocalDate.now().toString()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("done")
                .jsonPath("$.greenedAreaId")
                .isEqualTo("idle-" + taskId);
        String completed = published.await(
                "\"type\":\"lantian.greening.idle-land-task-completed.v1\"", "\"taskId\":\"" + taskId + "\"");
        assertThat(completed)
                .contains(
                        "\"outcome\":\"greened\"",
                        "\"areaM2\":12500.0",
                        "\"jurisdiction\":\"653125\"",
                        "\"parcelId\":\"parcel-" + taskId + "\"",
                        "\"agency\":\"forestry\"");
        assertThat(published.await(
                        "\"type\":\"lantian.greening.area-greened.v1\"", "\"areaId\":\"idle-" + taskId + "\""))
                .contains("\"kind\":\"greening\"", "\"hectares\":1.25");

        http.post()
                .uri(path + "/completion")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(Map.of(
                        "outcome",
                        "paved",
                        "areaM2",
                        100,
                        "completedOn",
                        LocalDate.now().toString()))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThat(count("select count(*) from processed_event where event_id = :id", eventId))
                .isEqualTo(1);
        http.get()
                .uri(path)
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .exchange()
                .expectBody()
                .jsonPath("$.areaM2")
                .isEqualTo(12500.0);
    }

    @Test
    void aPavedParcelIsAnsweredWithoutCountingAsGreened() {
        String taskId = unique("ilt-653125");
        send(opened(UUID.randomUUID().toString(), taskId, "653125", 800, ""));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from idle_land_task where task_id = :id", taskId) == 1);
        http.post()
                .uri("/api/greening/v1/idle-land-tasks/" + taskId + "/completion")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(Map.of(
                        "outcome",
                        "paved",
                        "areaM2",
                        800,
                        "completedOn",
                        LocalDate.now().toString()))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(events("lantian.greening.idle-land-task-completed.v1", "idle-land-task/" + taskId))
                .singleElement()
                .asString()
                .contains("\"outcome\":\"paved\"")
                .doesNotContain("greenedAreaId");
        assertThat(events("lantian.greening.area-greened.v1", "idle-land-task/" + taskId))
                .isEmpty();
    }

    @Test
    void aTaskInAnUnknownPlaceOrBreakingTheContractIsDeadLetteredWithTheReason() {
        String unknownPlace = unique("ilt-653199");
        send(opened(UUID.randomUUID().toString(), unknownPlace, "653199", 500, ""));
        String noTask = opened(UUID.randomUUID().toString(), unique("ilt"), "653125", 500, "")
                .replace("\"taskId\"", "\"taskRef\"");
        send(noTask);

        List<String> reasons = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (Message m = rabbit.receive(queue + ".dlq", 300); m != null; m = rabbit.receive(queue + ".dlq", 100)) {
                reasons.add(String.valueOf(m.getMessageProperties().getHeaders().get("x-exception-message")));
            }
            return reasons.size() >= 2;
        });
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("jurisdiction 653199 is not a unit"));
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("taskId"));
        assertThat(count("select count(*) from idle_land_task where task_id = :id", unknownPlace))
                .isZero();
    }
}
