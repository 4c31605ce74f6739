package cn.lantian.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The served OpenAPI document, with the owners' public reads in it, through Spectral's {@code spectral:oas} ruleset
 * (the platform's one lint, {@code OpenApiLint}): no error and no warning.
 */
class OpenApiLintIntegrationTests extends PortalTest {

    @LocalServerPort
    int port;

    @Test
    void thePublicDocumentPassesSpectralWithoutErrorOrWarning() {
        // With the owners' public reads in it (read in the background when the portal starts).
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> new String(
                                WebTestClient.bindToServer()
                                        .baseUrl("http://127.0.0.1:" + port)
                                        .responseTimeout(java.time.Duration.ofMinutes(1))
                                        .build()
                                        .get()
                                        .uri("/api/public/v1/openapi")
                                        .exchange()
                                        .expectBody()
                                        .returnResult()
                                        .getResponseBody(),
                                StandardCharsets.UTF_8)
                        .contains("x-lantian-owner"));
        byte[] document = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofMinutes(1))
                .build()
                .get()
                .uri("/api/public/v1/openapi")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        cn.lantian.testsupport.OpenApiLint.Result lint =
                cn.lantian.testsupport.OpenApiLint.lint("openapi-public", document);
        assertThat(lint.clean()).as(lint.report()).isTrue();
    }
}
