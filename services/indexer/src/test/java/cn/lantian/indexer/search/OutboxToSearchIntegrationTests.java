package cn.lantian.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.indexer.IndexerIntegrationSupport;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class OutboxToSearchIntegrationTests extends IndexerIntegrationSupport {

    @Test
    void eventWrittenThroughTheOutboxIsSearchableWithinFiveSeconds() {
        String marker = marker();
        String id = append(List.of(firePoint(marker, "653125", null, null, List.of(), 77.26, 38.41)))
                .get(0);
        String token = KeycloakTokens.of(DemoIdentity.ECO_SHACHE);

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    JsonNode page = http().get()
                            .uri("/api/search/v1/events?q={q}", marker)
                            .headers(h -> h.setBearerAuth(token))
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(JsonNode.class)
                            .returnResult()
                            .getResponseBody();
                    assertThat(page.get("items")).hasSize(1);
                    JsonNode item = page.get("items").get(0);
                    assertThat(item.get("id").asString()).isEqualTo(id);
                    assertThat(item.get("type").asString()).isEqualTo("lantian.straw.fire-point-detected.v1");
                    assertThat(item.get("jurisdiction").asString()).isEqualTo("653125");
                    assertThat(item.get("source").asString()).isEqualTo("/lantian/indexer");
                    assertThat(item.get("location").get("lat").asDouble()).isEqualTo(38.41);
                });
    }

    @Test
    void filtersByBoundingBoxRadiusAndSeverity() {
        String marker = marker();
        append(List.of(
                firePoint(marker, "653125", null, null, List.of(), 77.26, 38.41),
                firePoint(marker, "653125", null, null, List.of(), 76.70, 38.10)));
        String token = KeycloakTokens.of(DemoIdentity.COORDINATOR);
        await().atMost(Duration.ofSeconds(10)).until(() -> countIndexed(marker) == 2);

        assertThat(items(token, "/api/search/v1/events?q={q}&bbox=77.0,38.3,77.5,38.5", marker))
                .hasSize(1);
        assertThat(items(token, "/api/search/v1/events?q={q}&near=76.70,38.10&radius=5", marker))
                .hasSize(1);
        assertThat(items(token, "/api/search/v1/events?q={q}&near=77.0,38.25&radius=100", marker))
                .hasSize(2);
        assertThat(items(token, "/api/search/v1/events?q={q}&severity=minor", marker))
                .isEmpty();
        assertThat(items(token, "/api/search/v1/events?q={q}&severity=major&domain=straw", marker))
                .hasSize(2);
        assertThat(items(
                        token, "/api/search/v1/events?q={q}&from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z", marker))
                .isEmpty();
    }

    @Test
    void pagesWithAnOpaqueCursorWithoutRepeatsOrGaps() {
        String marker = marker();
        List<String> ids = append(List.of(
                firePoint(marker, "653101", null, null, List.of(), 76.0, 39.5),
                firePoint(marker, "653101", null, null, List.of(), 76.0, 39.5),
                firePoint(marker, "653101", null, null, List.of(), 76.0, 39.5),
                firePoint(marker, "653101", null, null, List.of(), 76.0, 39.5),
                firePoint(marker, "653101", null, null, List.of(), 76.0, 39.5)));
        String token = KeycloakTokens.of(DemoIdentity.ECO_KASHGAR);
        await().atMost(Duration.ofSeconds(10)).until(() -> countIndexed(marker) == 5);

        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = http().get()
                    .uri("/api/search/v1/events?q={q}&size=2&cursor={c}", marker, cursor)
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aggregatesByCountyTypeAndDay() {
        String marker = marker();
        append(List.of(
                firePoint(marker, "653125", null, null, List.of(), 77.26, 38.41),
                firePoint(marker, "653101", null, null, List.of(), 76.0, 39.5)));
        String token = KeycloakTokens.of(DemoIdentity.COORDINATOR);
        await().atMost(Duration.ofSeconds(10)).until(() -> countIndexed(marker) == 2);

        JsonNode summary = http().get()
                .uri("/api/search/v1/aggregations?q={q}", marker)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(summary.get("total").asLong()).isEqualTo(2);
        assertThat(summary.get("byCounty").findValuesAsString("key")).containsExactlyInAnyOrder("653125", "653101");
        assertThat(summary.get("byType").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(summary.get("byDay").get(0).get("key").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        http().get().uri("/api/search/v1/events").exchange().expectStatus().isUnauthorized();
        http().get()
                .uri("/api/search/v1/aggregations")
                .headers(h -> h.setBearerAuth("not.a.token"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void namesEveryBadParameterInProblemDetails() {
        String token = KeycloakTokens.of(DemoIdentity.COORDINATOR);
        JsonNode problem = http().get()
                .uri(
                        "/api/search/v1/events?domain=weather&size=0&bbox=1,2,3&radius=5&severity=huge&cursor=zz&from=yesterday")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsString("field"))
                .contains("domain", "size", "bbox", "near", "severity", "cursor", "from");
    }

    private List<JsonNode> items(String token, String uri, Object... vars) {
        JsonNode page = http().get()
                .uri(uri, vars)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        List<JsonNode> items = new java.util.ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }
}
