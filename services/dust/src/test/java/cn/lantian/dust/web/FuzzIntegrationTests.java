package cn.lantian.dust.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.OpenApiFuzz;
import cn.lantian.testsupport.ProblemProbe;
import java.util.Arrays;
import java.util.Map;
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
        String owner = KeycloakTokens.of(DemoIdentity.HOUSING_SHACHE);
        String parcel = unique("fz");
        http.post()
                .uri("/api/dust/v1/parcels")
                .header("Authorization", "Bearer " + owner)
                .bodyValue(Map.of(
                        "id",
                        parcel,
                        "areaM2",
                        800,
                        "idleSince",
                        "2026-11-01",
                        "address",
                        "莎车测试地块",
                        "lon",
                        SHACHE[0],
                        "lat",
                        SHACHE[1]))
                .exchange()
                .expectStatus()
                .isCreated();
        String before = ProblemProbe.at(base)
                .send("GET", "/api/dust/v1/parcels/" + parcel, owner, null, null)
                .body();

        OpenApiFuzz.Report report = OpenApiFuzz.run(
                base, Arrays.asList(KeycloakTokens.of(DemoIdentity.ECO_KASHGAR), null, "forged.token.value"));

        System.out.println("fuzz: dust answered " + report.requests() + " requests");
        assertThat(report.requests()).isGreaterThan(100);
        assertThat(report.findings()).as("requests answered against the rules").isEmpty();
        assertThat(ProblemProbe.at(base)
                        .send("GET", "/api/dust/v1/parcels/" + parcel, owner, null, null)
                        .body())
                .isEqualTo(before);
    }
}
