package cn.lantian.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.testsupport.OpenApiFuzz;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operation of the open-data API's OpenAPI document, sent malformed, oversized, wrong-typed and NUL- or
 * surrogate-bearing requests: never a 5xx, every refusal a problem document. The API only reads.
 */
class FuzzIntegrationTests extends PortalTest {

    @LocalServerPort
    int port;

    @Test
    void noBadRequestBreaksTheOpenDataApi() {
        OpenApiFuzz.Report report = OpenApiFuzz.run(
                "http://127.0.0.1:" + port,
                "/api/public/v1/openapi",
                Arrays.asList(null, "forged.token.value"),
                List.of());

        System.out.println("fuzz: portal answered " + report.requests() + " requests");
        assertThat(report.requests()).isGreaterThan(50);
        assertThat(report.findings()).as("requests answered against the rules").isEmpty();
    }
}
