package cn.lantian.indexer.config;

import cn.lantian.indexer.IndexerIntegrationSupport;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import org.junit.jupiter.api.Test;

/** Health answers everyone (the launcher waits on it), but shows its components only to the prefecture. */
class HealthDetailsIntegrationTests extends IndexerIntegrationSupport {

    @Test
    void healthShowsItsComponentsOnlyToThePrefecture() {
        http().get()
                .uri("/actuator/health")
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .exists()
                .jsonPath("$.components")
                .doesNotExist();
        http().get()
                .uri("/actuator/health")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.ECO_SHACHE)))
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .exists()
                .jsonPath("$.components")
                .doesNotExist();
        http().get()
                .uri("/actuator/health")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.COORDINATOR)))
                .exchange()
                .expectBody()
                .jsonPath("$.components.elasticsearch")
                .exists();
    }
}
