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
}
