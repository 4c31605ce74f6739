package cn.lantian.stationary.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.stationary.IntegrationTest;
import cn.lantian.testsupport.OpenApiLint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The service's OpenAPI document through Spectral's {@code spectral:oas} ruleset: no error and no warning. */
class OpenApiLintIntegrationTests extends IntegrationTest {

    @Value("${local.server.port}")
    int servedOn;

    @Test
    void theServedDocumentPassesSpectralWithoutErrorOrWarning() {
        OpenApiLint.Result result = OpenApiLint.lintServed(servedOn, "openapi-stationary");
        assertThat(result.clean()).as(result.report()).isTrue();
    }
}
