package cn.lantian.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.indexer.IndexerIntegrationSupport;
import cn.lantian.testsupport.OpenApiLint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The service's OpenAPI document through Spectral's {@code spectral:oas} ruleset: no error and no warning. */
class OpenApiLintIntegrationTests extends IndexerIntegrationSupport {

    @Value("${local.server.port}")
    int servedOn;

    @Test
    void theServedDocumentPassesSpectralWithoutErrorOrWarning() {
        OpenApiLint.Result result = OpenApiLint.lintServed(servedOn, "openapi-indexer");
        assertThat(result.clean()).as(result.report()).isTrue();
    }
}
