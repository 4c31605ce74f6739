package cn.lantian.greening.idleland;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.greening.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The idle-land round trip between the two real services over RabbitMQ: dust opens a task for a parcel idle too long,
 * this service receives it, the forestry officer plans and completes it, and dust closes its task.
 */
class RoundTripWithDustIntegrationTests extends IntegrationTest {

    /** A point in Shache (653125), where both housing-shache and forestry-shache work. */
    static final double[] SHACHE = {77.0027, 38.3172};

    static DustService dust;

    @BeforeAll
    static void startDust() throws Exception {
        dust = DustService.start(GROUP);
    }

    @AfterAll
    static void stopDust() {
        if (dust != null) {
            dust.close();
        }
    }

    @Test
    void aTaskDustOpensIsReceivedHereAndItsCompletionClosesItInDust() {
        WebTestClient dustHttp = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + dust.port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        String parcel = unique("parcel-rt");
        LocalDate idleSince = LocalDate.now().minusMonths(5);
        dustHttp.post()
                .uri("/api/dust/v1/parcels")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "id",
                        parcel,
                        "areaM2",
                        4200,
                        "idleSince",
                        idleSince.toString(),
                        "address",
                        "莎车县往返测试地块",
                        "lon",
                        SHACHE[0],
                        "lat",
                        SHACHE[1]))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("tasked");
        String taskId = dustTasks(dustHttp, parcel).get(0).get("id").toString();
        String path = "/api/greening/v1/idle-land-tasks/" + taskId;

        // Dust's outbox relay publishes, this service's consumer stores: nothing but RabbitMQ between them.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> http.get()
                        .uri(path)
                        .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("received")
                        .jsonPath("$.parcelId")
                        .isEqualTo(parcel)
                        .jsonPath("$.areaM2")
                        .isEqualTo(4200.0));

        http.put()
                .uri(path + "/plan")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(Map.of(
                        "outcome", "greened", "plannedOn", LocalDate.now().toString()))
                .exchange()
                .expectStatus()
                .isOk();
        http.post()
                .uri(path + "/completion")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(Map.of(
                        "outcome",
                        "greened",
                        "areaM2",
                        4000,
                        "completedOn",
                        LocalDate.now().toString()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("done");

        // This service's relay publishes the completion, dust's consumer closes its task and the parcel is greened.
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() ->
                            "closed".equals(dustTasks(dustHttp, parcel).get(0).get("status")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("dust did not close " + taskId + "; its log:\n" + dust.logTail(), e);
        }
        Map<String, Object> closed = dustTasks(dustHttp, parcel).get(0);
        assertThat(closed)
                .containsEntry("outcome", "greened")
                .containsEntry("completedOn", LocalDate.now().toString());
        dustHttp.get()
                .uri("/api/dust/v1/parcels/" + parcel)
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("greened");
        assertThat(events("lantian.greening.area-greened.v1", "idle-land-task/" + taskId))
                .hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> dustTasks(WebTestClient dustHttp, String parcel) {
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) (List<?>) dustHttp.get()
                .uri("/api/dust/v1/parcels/" + parcel + "/tasks")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(tasks).hasSize(1);
        return tasks;
    }
}
