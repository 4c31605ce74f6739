package cn.lantian.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.testsupport.DemoIdentity;
import org.junit.jupiter.api.Test;

/** The service starts against its database, answers its health check openly and guards its API. */
class HealthIntegrationTests extends IntegrationTest {

    @Test
    void livenessAndReadinessProbesAnswerWithoutAToken() {
        // Kubernetes asks these (deploy/k8s); they exist off Kubernetes only because the probe groups are enabled.
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            http.get()
                    .uri(probe)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        }
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectBody()
                .jsonPath("$.groups")
                .value(groups -> assertThat(groups.toString()).contains("liveness", "readiness"));
    }

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
