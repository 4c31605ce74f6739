package cn.lantian.dust.road;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoadIntegrationTests extends IntegrationTest {

    @Test
    void theShareCleanedPerCountyIsComparedWithTheTargetAndOtherCountiesSeeNothingOfIt() {
        // A month far back, so that this run's roads are the only ones with cleaning in it.
        String month = YearMonth.now()
                .minusYears(3)
                .minusMonths((long) (Math.random() * 24))
                .toString();
        String auth = token(DemoIdentity.HOUSING_SHACHE);
        for (int i = 0; i < 2; i++) {
            String road = unique("road");
            http.post()
                    .uri("/api/dust/v1/roads")
                    .header("Authorization", auth)
                    .bodyValue(Map.of(
                            "id",
                            road,
                            "name",
                            "道路 " + road,
                            "lengthKm",
                            10,
                            "areaKind",
                            "county-town",
                            "lon",
                            SHACHE[0],
                            "lat",
                            SHACHE[1]))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            http.post()
                    .uri("/api/dust/v1/roads/" + road + "/cleaning")
                    .header("Authorization", auth)
                    .bodyValue(Map.of("month", month, "mechanisedKm", 10))
                    .exchange()
                    .expectStatus()
                    .isOk();
            http.post()
                    .uri("/api/dust/v1/roads/" + road + "/cleaning")
                    .header("Authorization", auth)
                    .bodyValue(Map.of("month", month, "mechanisedKm", 11))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("mechanisedKm");
        }
        http.get()
                .uri("/api/dust/v1/road-cleaning?month=" + month)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.county == '653125' && @.areaKind == 'county-town')].targetPct")
                .isEqualTo(70.0)
                .jsonPath("$[?(@.county == '653101')]")
                .isEmpty();
        http.get()
                .uri("/api/dust/v1/road-cleaning?month=" + month)
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.county == '653125')]")
                .isEmpty();
        http.get()
                .uri("/api/dust/v1/road-cleaning?month=2026-13")
                .header("Authorization", auth)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("month");
    }

    @Test
    void theOfficerReplacesTheirRoadButNotAnotherCountysNorBelowItsCleaning() {
        String road = unique("road");
        String housing = token(DemoIdentity.HOUSING_SHACHE);
        http.post()
                .uri("/api/dust/v1/roads")
                .header("Authorization", housing)
                .bodyValue(road(road, 8, SHACHE))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.jurisdiction")
                .isEqualTo("653125");
        http.post()
                .uri("/api/dust/v1/roads")
                .header("Authorization", housing)
                .bodyValue(road(road, 8, SHACHE))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        http.post()
                .uri("/api/dust/v1/roads/" + road + "/cleaning")
                .header("Authorization", housing)
                .bodyValue(Map.of("month", YearMonth.now().minusMonths(1).toString(), "mechanisedKm", 6))
                .exchange()
                .expectStatus()
                .isOk();

        http.put()
                .uri("/api/dust/v1/roads/" + road)
                .header("Authorization", housing)
                .bodyValue(road(null, 12.5, SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.lengthKm")
                .isEqualTo(12.5);
        // 6 km were cleaned in a month: the road cannot be shorter than that.
        http.put()
                .uri("/api/dust/v1/roads/" + road)
                .header("Authorization", housing)
                .bodyValue(road(null, 5.9, SHACHE))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("lengthKm");
        // Moving it into Kashgar City, which Shache's officer does not govern, is refused.
        http.put()
                .uri("/api/dust/v1/roads/" + road)
                .header("Authorization", housing)
                .bodyValue(road(null, 12.5, KASHGAR))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType("application/problem+json");
        http.put()
                .uri("/api/dust/v1/roads/" + road)
                .header("Authorization", housing)
                .bodyValue(road("another-id", 12.5, SHACHE))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("id");
        // Another county's officer and the reading agency cannot change it; the reading agency sees it.
        http.put()
                .uri("/api/dust/v1/roads/" + road)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(road(null, 20, SHACHE))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/api/dust/v1/roads/" + road)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.lengthKm")
                .isEqualTo(12.5);
        http.get()
                .uri("/api/dust/v1/roads/" + road)
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/dust/v1/roads?areaKind=county-town&limit=500")
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + road + "')]")
                .isEmpty();
        http.get()
                .uri("/api/dust/v1/roads?areaKind=ring-road")
                .header("Authorization", housing)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("areaKind");
    }

    private static Map<String, Object> road(String id, double lengthKm, double[] at) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "name", "道路 " + id, "lengthKm", lengthKm, "areaKind", "county-town", "lon", at[0], "lat", at[1]));
        if (id != null) {
            body.put("id", id);
        }
        return body;
    }
}
