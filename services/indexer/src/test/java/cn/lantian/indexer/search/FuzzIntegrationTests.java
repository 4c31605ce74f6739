package cn.lantian.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.indexer.IndexerIntegrationSupport;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.OpenApiFuzz;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every operation of the search API's OpenAPI document, sent malformed, oversized, wrong-typed and NUL- or
 * surrogate-bearing requests by a county caller, by no one and with a forged token: never a 5xx, every refusal a
 * problem document. The API only reads, so there is nothing an owner could see change.
 */
class FuzzIntegrationTests extends IndexerIntegrationSupport {

    @Value("${local.server.port}")
    int localPort;

    @Test
    void noBadRequestBreaksTheSearch() {
        OpenApiFuzz.Report report = OpenApiFuzz.run(
                "http://127.0.0.1:" + localPort,
                Arrays.asList(KeycloakTokens.of(DemoIdentity.ECO_KASHGAR), null, "forged.token.value"));

        System.out.println("fuzz: indexer answered " + report.requests() + " requests");
        assertThat(report.requests()).isGreaterThan(50);
        assertThat(report.findings()).as("requests answered against the rules").isEmpty();
    }
}
