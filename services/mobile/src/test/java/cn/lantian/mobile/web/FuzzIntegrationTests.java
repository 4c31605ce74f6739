package cn.lantian.mobile.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.mobile.IntegrationTest;
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
        String owner = KeycloakTokens.of(DemoIdentity.ECO_SHACHE);
        String vehicle = "/api/mobile/v1/vehicles/"
                + register(
                        DemoIdentity.ECO_SHACHE,
                        vehicle(plate(), "car", "petrol", "China VI-b", "2024-05-01", false, "653125"));
        String before =
                ProblemProbe.at(base).send("GET", vehicle, owner, null, null).body();

        OpenApiFuzz.Report report = OpenApiFuzz.run(
                base, Arrays.asList(KeycloakTokens.of(DemoIdentity.ECO_KASHGAR), null, "forged.token.value"));

        System.out.println("fuzz: mobile answered " + report.requests() + " requests");
        assertThat(report.requests()).isGreaterThan(100);
        assertThat(report.findings()).as("requests answered against the rules").isEmpty();
        assertThat(ProblemProbe.at(base).send("GET", vehicle, owner, null, null).body())
                .isEqualTo(before);
    }
}
