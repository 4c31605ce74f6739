package cn.lantian.greening.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.greening.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.OpenApiFuzz;
import cn.lantian.testsupport.ProblemProbe;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the service's OpenAPI document, sent malformed, oversized, wrong-typed and NUL- or
 * surrogate-bearing requests by a caller of another county, by no one and with a forged token: never a 5xx, every
 * refusal a problem document, and nothing the owner sees changes.
 */
class FuzzIntegrationTests extends IntegrationTest {

    @Test
    void noBadRequestBreaksTheServiceOrChangesWhatTheOwnerSees() {
        String base = "http://127.0.0.1:" + port;
        String owner = KeycloakTokens.of(DemoIdentity.FORESTRY_SHACHE);
        String project = createProject(DemoIdentity.FORESTRY_SHACHE, box(77.0, 38.31, 77.02, 38.33));
        String before = ProblemProbe.at(base)
                .send("GET", "/api/greening/v1/projects/" + project, owner, null, null)
                .body();

        OpenApiFuzz.Report report = OpenApiFuzz.run(
                base, Arrays.asList(KeycloakTokens.of(DemoIdentity.FORESTRY_MAIGAITI), null, "forged.token.value"));

        System.out.println("fuzz: greening answered " + report.requests() + " requests");
        assertThat(report.requests()).isGreaterThan(100);
        assertThat(report.findings()).as("requests answered against the rules").isEmpty();
        assertThat(ProblemProbe.at(base)
                        .send("GET", "/api/greening/v1/projects/" + project, owner, null, null)
                        .body())
                .isEqualTo(before);
    }
}
