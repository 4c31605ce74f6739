package cn.lantian.dust.muck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MuckIntegrationTests extends IntegrationTest {

    @Test
    void aMuckTruckViolationIsRecordedWithItsEvidenceAndPublished() {
        String id = http.post()
                .uri("/api/dust/v1/muck-violations")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "plate",
                        "新Q12345",
                        "kinds",
                        List.of("uncovered", "spilling"),
                        "at",
                        Instant.now().minusSeconds(600).toString(),
                        "lon",
                        SHACHE[0],
                        "lat",
                        SHACHE[1],
                        "photos",
                        List.of("photo://muck/1.jpg")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
        assertThat(events("lantian.dust.muck-truck-violation.v1", "muck-truck/新Q12345"))
                .anySatisfy(e -> assertThat(e).contains(id, "\"spilling\"", "\"agency\":\"urban-management\""));
        assertThat(awaitPublished("muck-truck/新Q12345")).isGreaterThanOrEqualTo(1);

        http.post()
                .uri("/api/dust/v1/muck-violations")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "plate", "x", "kinds", List.of("littering"), "at", "now", "lon", SHACHE[0], "lat", SHACHE[1]))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'plate')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'kinds')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'photos')]")
                .exists();
        http.post()
                .uri("/api/dust/v1/muck-violations")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "plate",
                        "新A88888",
                        "kinds",
                        List.of("speeding"),
                        "at",
                        Instant.now().minusSeconds(60).toString(),
                        "lon",
                        KASHGAR[0],
                        "lat",
                        KASHGAR[1],
                        "photos",
                        List.of("photo://muck/2.jpg")))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/api/dust/v1/muck-violations?limit=500")
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')]")
                .isEmpty();
    }
}
