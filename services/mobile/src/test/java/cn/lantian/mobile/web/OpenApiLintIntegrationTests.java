package cn.lantian.mobile.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.mobile.IntegrationTest;
import cn.lantian.testsupport.OpenApiLint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service's OpenAPI document through Spectral's {@code spectral:oas} ruleset: no error and no warning. */
class OpenApiLintIntegrationTests extends IntegrationTest {

    @Value("${local.server.port}")
    int servedOn;

    @Test
    void theServedDocumentPassesSpectralWithoutErrorOrWarning() {
        byte[] document = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + servedOn)
                // The first document is built on demand, which takes a while on a busy machine.
                .responseTimeout(java.time.Duration.ofMinutes(1))
                .build()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        OpenApiLint.Result result = OpenApiLint.lint("openapi-mobile", document);
        assertThat(result.clean()).as(result.report()).isTrue();
    }
}
