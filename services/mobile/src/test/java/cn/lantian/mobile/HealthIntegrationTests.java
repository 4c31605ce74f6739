package cn.lantian.mobile;

import cn.lantian.testsupport.DemoIdentity;
import org.junit.jupiter.api.Test;

/** The service starts against its database, answers its health check openly and guards its API. */
class HealthIntegrationTests extends IntegrationTest {

    @Test
    void healthAndTheApiDescriptionAreOpenAndTheApiNeedsAToken() {
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/mobile/v1/vehicles']")
                .exists();
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        http.get().uri("/api/mobile/v1/vehicles").exchange().expectStatus().isUnauthorized();
        http.post()
                .uri("/api/mobile/v1/vehicles")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
