package cn.lantian.greening.closure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.greening.EventQueue;
import cn.lantian.greening.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

class ClosureIntegrationTests extends IntegrationTest {

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    ConnectionFactory connections;

    private static final double LAT0 = 38.40;
    private static final double LAT1 = 38.50;
    private static final double LON0 = 77.20;

    /** Degrees of longitude that make a box of LAT0-LAT1 enclose that many km² (the service's own projection). */
    private static double lonSpanFor(double km2) {
        double kmPerDegreeLon = 111.32 * Math.cos(Math.toRadians((LAT0 + LAT1) / 2));
        return km2 / (110.57 * (LAT1 - LAT0) * kmPerDegreeLon);
    }

    private Map<String, Object> area(double km2) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "name",
                unique("封禁保护区"),
                "level",
                "national",
                "designation",
                "国家林草局公告2019年第3号",
                "designatedYear",
                2019,
                "boundaryNote",
                "approximate, for tests",
                "boundary",
                box(LON0, LAT0, LON0 + lonSpanFor(km2), LAT1),
                "workItems",
                Map.of("ranger-team", Map.of("status", "done", "note", "12 rangers"))));
        return body;
    }

    @Test
    void anAreaBelowTheNationalMinimumIsRefusedAndOneAboveIsKept() {
        http.post()
                .uri("/api/greening/v1/closure-areas")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(area(99.5))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("boundary")
                .jsonPath("$.errors[0].reason")
                .value(r -> assertThat(r.toString()).contains("at least 100 km²"));
        http.post()
                .uri("/api/greening/v1/closure-areas")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(area(100.5))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.jurisdiction")
                .isEqualTo("653125")
                .jsonPath("$.area.hectares")
                .value(h -> assertThat(((Number) h).doubleValue()).isBetween(10_000.0, 10_100.0))
                .jsonPath("$.workItems.ranger-team.status")
                .isEqualTo("done")
                .jsonPath("$.workItems.records.status")
                .isEqualTo("planned");

        Map<String, Object> unknownItem = area(120);
        unknownItem.put("workItems", Map.of("fishing", Map.of("status", "done")));
        unknownItem.remove("designation");
        http.post()
                .uri("/api/greening/v1/closure-areas")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(unknownItem)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(f -> assertThat((List<String>) f).containsExactlyInAnyOrder("designation", "workItems.fishing"));
        http.post()
                .uri("/api/greening/v1/closure-areas")
                .header("Authorization", token(DemoIdentity.FORESTRY_MAIGAITI))
                .bodyValue(area(120))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aPatrolPublishesItsRecordAndEveryViolationInside() {
        EventQueue published = new EventQueue(
                connections,
                rabbit,
                List.of(
                        "lantian.greening.area-greened.v1",
                        "lantian.greening.closure-patrol-recorded.v1",
                        "lantian.greening.closure-violation-found.v1"));
        String id = http.post()
                .uri("/api/greening/v1/closure-areas")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(area(150))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
        assertThat(published.await("\"type\":\"lantian.greening.area-greened.v1\"", "\"areaId\":\"" + id + "\""))
                .contains("\"kind\":\"sand-closure\"", "\"date\":\"2019-01-01\"");

        OffsetDateTime at =
                OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).withNano(0);
        Map<String, Object> outside = Map.of(
                "patrolledOn",
                LocalDate.now().toString(),
                "rangers",
                4,
                "violations",
                List.of(Map.of("kind", "grazing", "foundAt", at.toString(), "lon", 76.0, "lat", 38.45)));
        http.post()
                .uri("/api/greening/v1/closure-areas/" + id + "/patrols")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(outside)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("violations[0]");

        Map<String, Object> patrol = Map.of(
                "patrolledOn",
                LocalDate.now().toString(),
                "rangers",
                4,
                "distanceKm",
                23.5,
                "violations",
                List.of(
                        Map.of(
                                "kind",
                                "grazing",
                                "foundAt",
                                at.toString(),
                                "lon",
                                LON0 + 0.01,
                                "lat",
                                38.45,
                                "description",
                                "约40只羊"),
                        Map.of(
                                "kind",
                                "digging",
                                "foundAt",
                                at.plusMinutes(40).toString(),
                                "lon",
                                LON0 + 0.02,
                                "lat",
                                38.46)));
        Map<?, ?> answer = http.post()
                .uri("/api/greening/v1/closure-areas/" + id + "/patrols")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(patrol)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String patrolId = answer.get("patrolId").toString();
        assertThat(published.await(
                        "\"type\":\"lantian.greening.closure-patrol-recorded.v1\"",
                        "\"patrolId\":\"" + patrolId + "\""))
                .contains("\"violations\":2", "\"rangers\":4");
        assertThat(published.await(
                        "\"type\":\"lantian.greening.closure-violation-found.v1\"",
                        "\"patrolId\":\"" + patrolId + "\"",
                        "\"kind\":\"grazing\""))
                .contains("\"severity\":\"major\"", "\"jurisdiction\":\"653125\"", "约40只羊");
        published.await(
                "\"type\":\"lantian.greening.closure-violation-found.v1\"",
                "\"patrolId\":\"" + patrolId + "\"",
                "\"kind\":\"digging\"");

        http.put()
                .uri("/api/greening/v1/closure-areas/" + id + "/work-items/sand-fixing")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(Map.of("status", "done", "note", "草方格 120 ha"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.workItems.sand-fixing.status")
                .isEqualTo("done");
        http.put()
                .uri("/api/greening/v1/closure-areas/" + id + "/work-items/fishing")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(Map.of("status", "done"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("item");
        http.put()
                .uri("/api/greening/v1/closure-areas/" + id + "/work-items/sand-fixing")
                .header("Authorization", token(DemoIdentity.FORESTRY_MAIGAITI))
                .bodyValue(Map.of("status", "planned"))
                .exchange()
                .expectStatus()
                .isNotFound();

        http.get()
                .uri("/api/greening/v1/closure-areas/" + id + "/activity")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.violations.length()")
                .isEqualTo(2);
        http.get()
                .uri("/api/greening/v1/closure-areas/" + id)
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.post()
                .uri("/api/greening/v1/closure-areas/" + id + "/patrols")
                .header("Authorization", token(DemoIdentity.FORESTRY_MAIGAITI))
                .bodyValue(patrol)
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
