package cn.lantian.dust.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.ProblemProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every refusal of the service in the platform's one problem shape, checked against its JSON Schema. */
class ProblemConformanceIntegrationTests extends IntegrationTest {

    private static final String PARCELS = "/api/dust/v1/parcels";

    ProblemProbe probe;
    String housing;

    @BeforeEach
    void probe() {
        probe = ProblemProbe.at("http://127.0.0.1:" + port);
        housing = KeycloakTokens.of(DemoIdentity.HOUSING_SHACHE);
    }

    private static String parcel(String address) {
        return "{\"id\":\"" + unique("pc") + "\",\"areaM2\":1200,\"idleSince\":\"2026-01-01\",\"address\":\"" + address
                + "\",\"lon\":" + SHACHE[0] + ",\"lat\":" + SHACHE[1] + "}";
    }

    @Test
    void answers400NamingTheFieldWithoutEchoingTheParser() {
        JsonNode problem = probe.json("POST", PARCELS, housing, "{\"id\":12}").assertProblem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertThat(problem.toString()).doesNotContain("Exception", "tools.jackson");
        probe.json("POST", PARCELS, housing, "{\"id\":").assertProblem(400);
        probe.json("POST", PARCELS, housing, "{\"areaM2\":\"12\"}").assertProblem(400);
        probe.json("POST", PARCELS, housing, "{\"lon\":1e400}").assertProblem(400);
        JsonNode tooLong = probe.json("POST", PARCELS, housing, parcel("城".repeat(100_000)))
                .assertProblem(400);
        assertThat(tooLong.get("errors").get(0).get("field").asString()).isEqualTo("address");
        probe.send("GET", PARCELS + "?after=a%00b", housing, null, null).assertProblem(400);
        probe.send("GET", PARCELS + "?limit=many", housing, null, null).assertProblem(400);
    }

    @Test
    void answers401And403And404() {
        probe.send("GET", PARCELS, null, null, null).assertProblem(401);
        probe.json("POST", PARCELS, KeycloakTokens.of(DemoIdentity.ECO_SHACHE), parcel("城北"))
                .assertProblem(403);
        probe.send("GET", PARCELS + "/no-such-parcel", housing, null, null).assertProblem(404);
        probe.send("GET", "/api/dust/v1/no-such-thing", housing, null, null).assertProblem(404);
    }

    @Test
    void answers405413And415() {
        probe.send("DELETE", PARCELS, housing, null, null).assertProblem(405);
        probe.json("POST", PARCELS, housing, ProblemProbe.oversized(3 * 1024 * 1024))
                .assertProblem(413);
        probe.send("POST", PARCELS, housing, "text/plain", "id=x").assertProblem(415);
        probe.send("POST", "/api/dust/v1/sites/import", housing, "application/json", "{}")
                .assertProblem(415);
    }

    @Test
    void csvImportsKeepTheirLargerCapAndStillHaveOne() {
        String rows = "x".repeat(3 * 1024 * 1024);
        assertThat(probe.send("POST", "/api/dust/v1/sites/import", housing, "text/csv", rows)
                        .status())
                .isNotEqualTo(413);
        probe.send("POST", "/api/dust/v1/sites/import", housing, "text/csv", "x".repeat(9 * 1024 * 1024))
                .assertProblem(413);
    }
}
