package cn.lantian.enforcement.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.enforcement.EnforcementIntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.ProblemProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every refusal of the service in the platform's one problem shape, checked against its JSON Schema. */
class ProblemConformanceIntegrationTests extends EnforcementIntegrationTest {

    private static final String CASES = "/api/enforcement/v1/cases";
    private static final String CAMPAIGNS = "/api/enforcement/v1/campaigns";
    private static final String PLAN = """
            {"name":"joint","startsOn":"2026-12-01","endsOn":"2026-12-31","pairings":[{"team":"653125","target":"653101"}]}""";

    ProblemProbe probe;
    String shache;

    @BeforeEach
    void probe() {
        probe = ProblemProbe.at("http://127.0.0.1:" + port);
        shache = KeycloakTokens.of(DemoIdentity.ECO_SHACHE);
    }

    @Test
    void answers400NamingTheFieldWithoutEchoingTheParser() {
        JsonNode at = probe.json("POST", CASES + "/no-such-case/schedule-inspection", shache, "{\"at\":1e400}")
                .assertProblem(400);
        assertThat(at.get("errors").get(0).get("field").asString()).isEqualTo("at");
        JsonNode reason = probe.json("POST", CASES + "/no-such-case/refer", shache, "{\"reason\":1e400}")
                .assertProblem(400);
        assertThat(reason.get("errors").get(0).get("field").asString()).isEqualTo("reason");
        probe.json("POST", CASES + "/no-such-case/assign", shache, "[".repeat(501))
                .assertProblem(400);
        probe.send("GET", CASES + "?status=open%00", shache, null, null).assertProblem(400);
        JsonNode name = probe.json(
                        "POST",
                        CAMPAIGNS,
                        KeycloakTokens.of(DemoIdentity.COORDINATOR),
                        PLAN.replace("\"joint\"", "\"" + "x".repeat(100_000) + "\""))
                .assertProblem(400);
        assertThat(name.get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void answers401And403() {
        probe.send("GET", CASES, null, null, null).assertProblem(401);
        probe.json("POST", CAMPAIGNS, shache, PLAN).assertProblem(403);
    }

    @Test
    void answers404ForUnknownCasesAndPaths() {
        probe.send("GET", CASES + "/no-such-case", shache, null, null).assertProblem(404);
        probe.send("GET", "/api/enforcement/v1/no-such-thing", shache, null, null)
                .assertProblem(404);
    }

    @Test
    void answers405413And415() {
        probe.send("DELETE", CASES, shache, null, null).assertProblem(405);
        probe.json("POST", CAMPAIGNS, shache, ProblemProbe.oversized(3 * 1024 * 1024))
                .assertProblem(413);
        probe.send("POST", CAMPAIGNS, shache, "text/plain", "plan").assertProblem(415);
    }
}
