package cn.lantian.stationary.access;

import cn.lantian.stationary.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import org.junit.jupiter.api.Test;

/** Health answers everyone (the launcher waits on it), but shows its components only to the prefecture. */
class HealthDetailsIntegrationTests extends IntegrationTest {

    @Test
    void healthShowsItsComponentsOnlyToThePrefecture() {
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .exists()
                .jsonPath("$.components")
                .doesNotExist();
        http.get()
                .uri("/actuator/health")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .exists()
                .jsonPath("$.components")
                .doesNotExist();
        http.get()
                .uri("/actuator/health")
                .header("Authorization", token(DemoIdentity.COORDINATOR))
                .exchange()
                .expectBody()
                .jsonPath("$.components")
                .exists();
    }
}
