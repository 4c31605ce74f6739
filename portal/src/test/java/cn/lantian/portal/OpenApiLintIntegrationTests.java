package cn.lantian.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The served OpenAPI document through Spectral's {@code spectral:oas} ruleset (npm {@code @stoplight/spectral-cli},
 * in {@code validation/}, installed by the build): no error and no warning.
 */
class OpenApiLintIntegrationTests extends PortalTest {

    @LocalServerPort
    int port;

    @Test
    void thePublicDocumentPassesSpectralWithoutErrorOrWarning() throws IOException, InterruptedException {
        // With the owners' public reads in it (read in the background when the portal starts).
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> new String(
                                WebTestClient.bindToServer()
                                        .baseUrl("http://127.0.0.1:" + port)
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
                .build()
                .get()
                .uri("/api/public/v1/openapi")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        Path file = Path.of("target", "openapi.json").toAbsolutePath();
        Files.write(file, document);
        Process spectral = new ProcessBuilder(
                        "node",
                        "node_modules/@stoplight/spectral-cli/dist/index.js",
                        "lint",
                        "--ruleset",
                        "spectral.yaml",
                        "--fail-severity",
                        "warn",
                        "--format",
                        "text",
                        file.toString())
                .directory(Path.of("validation").toFile())
                .redirectErrorStream(true)
                .start();
        String report = new String(spectral.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(spectral.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(spectral.exitValue()).as(report).isZero();
    }
}
