package cn.lantian.mobile.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.mobile.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.ProblemProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every refusal of the service in the platform's one problem shape, checked against its JSON Schema. */
class ProblemConformanceIntegrationTests extends IntegrationTest {

    private static final String VEHICLES = "/api/mobile/v1/vehicles";

    ProblemProbe probe;
    String shache;

    @BeforeEach
    void probe() {
        probe = ProblemProbe.at("http://127.0.0.1:" + port);
        shache = KeycloakTokens.of(DemoIdentity.ECO_SHACHE);
    }

    @Test
    void answers400NamingTheFieldWithoutEchoingTheParser() {
        JsonNode problem =
                probe.json("POST", VEHICLES, shache, "{\"plate\":12}").assertProblem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("plate");
        assertThat(problem.toString()).doesNotContain("Exception", "tools.jackson");
        probe.json("POST", VEHICLES, shache, "{\"plate\":").assertProblem(400);
        probe.json("POST", VEHICLES, shache, "{\"certifiedOn\":1e400}").assertProblem(400);
        probe.json("POST", VEHICLES, shache, "{\"owner\":\"" + "名".repeat(100_000) + "\"}")
                .assertProblem(400);
        probe.send("GET", VEHICLES + "?after=a%00b", shache, null, null).assertProblem(400);
        probe.send("GET", VEHICLES + "?limit=many", shache, null, null).assertProblem(400);
        probe.json("POST", VEHICLES + "/no-such-vehicle/deregistration", shache, "{\"date\":\"someday\"}")
                .assertProblem(400);
    }

    @Test
    void answers401And403And404() {
        probe.send("GET", VEHICLES, null, null, null).assertProblem(401);
        probe.json("POST", VEHICLES, KeycloakTokens.of(DemoIdentity.HOUSING_SHACHE), "{}")
                .assertProblem(403);
        probe.send("GET", VEHICLES + "/no-such-vehicle", shache, null, null).assertProblem(404);
        probe.json("POST", VEHICLES + "/no-such-vehicle/deregistration", shache, "{\"date\":\"2026-01-01\"}")
                .assertProblem(404);
        probe.send("GET", "/api/mobile/v1/no-such-thing", shache, null, null).assertProblem(404);
    }

    @Test
    void answers405413And415() {
        probe.send("DELETE", VEHICLES, shache, null, null).assertProblem(405);
        probe.json("POST", VEHICLES, shache, ProblemProbe.oversized(3 * 1024 * 1024))
                .assertProblem(413);
        probe.send("POST", VEHICLES, shache, "text/plain", "plate=x").assertProblem(415);
        probe.send("POST", "/api/mobile/v1/readings", shache, "application/json", "{}")
                .assertProblem(415);
    }
}
