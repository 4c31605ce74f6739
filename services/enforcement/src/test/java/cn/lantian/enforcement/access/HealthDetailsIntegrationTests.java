package cn.lantian.enforcement.access;

import cn.lantian.enforcement.EnforcementIntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import org.junit.jupiter.api.Test;

/** Health answers everyone (the launcher waits on it), but shows its components only to the prefecture. */
class HealthDetailsIntegrationTests extends EnforcementIntegrationTest {

    @Test
    void healthShowsItsComponentsOnlyToThePrefecture() {
        anonymous()
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .exists()
                .jsonPath("$.components")
                .doesNotExist();
        as(DemoIdentity.ECO_SHACHE)
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .exists()
                .jsonPath("$.components")
                .doesNotExist();
        as(DemoIdentity.COORDINATOR)
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectBody()
                .jsonPath("$.components")
                .exists();
    }
}
