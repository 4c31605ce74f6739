package cn.lantian.greening.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.greening.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.ProblemProbe;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every refusal of the service in the platform's one problem shape, checked against its JSON Schema. */
class ProblemConformanceIntegrationTests extends IntegrationTest {

    private static final String PROJECTS = "/api/greening/v1/projects";
    private static final Map<String, Object> SHACHE = box(77.0, 38.31, 77.02, 38.33);

    ProblemProbe probe;
    String forestry;

    @BeforeEach
    void probe() {
        probe = ProblemProbe.at("http://127.0.0.1:" + port);
        forestry = KeycloakTokens.of(DemoIdentity.FORESTRY_SHACHE);
    }

    private static String project(String name) {
        return JsonMapper.builder().build().writeValueAsString(IntegrationTest.project(name, SHACHE));
    }

    @Test
    void answers400NamingTheFieldWithoutEchoingTheParser() {
        JsonNode problem =
                probe.json("POST", PROJECTS, forestry, "{\"name\":12}").assertProblem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(problem.toString()).doesNotContain("Exception", "tools.jackson");
        probe.json("POST", PROJECTS, forestry, "{\"name\":").assertProblem(400);
        probe.json("POST", PROJECTS, forestry, "{\"plantingYear\":\"2026\"}").assertProblem(400);
        probe.json("POST", PROJECTS, forestry, "{\"plantingYear\":1e400}").assertProblem(400);
        JsonNode tooLong = probe.json("POST", PROJECTS, forestry, project("林".repeat(100_000)))
                .assertProblem(400);
        assertThat(tooLong.get("errors").get(0).get("field").asString()).isEqualTo("name");
        probe.send("GET", PROJECTS + "?after=a%00b", forestry, null, null).assertProblem(400);
        probe.send("GET", PROJECTS + "?limit=many", forestry, null, null).assertProblem(400);
    }

    @Test
    void answers401And403And404() {
        probe.send("GET", PROJECTS, null, null, null).assertProblem(401);
        probe.json("POST", PROJECTS, KeycloakTokens.of(DemoIdentity.ECO_SHACHE), project("生态局的项目"))
                .assertProblem(403);
        probe.send("GET", PROJECTS + "/no-such-project", forestry, null, null).assertProblem(404);
        probe.send("GET", "/api/greening/v1/no-such-thing", forestry, null, null)
                .assertProblem(404);
    }

    @Test
    void answers405413And415() {
        probe.send("DELETE", PROJECTS, forestry, null, null).assertProblem(405);
        // The service keeps a cap below the platform's: its largest body is a boundary of a few thousand positions.
        probe.json("POST", PROJECTS, forestry, ProblemProbe.oversized(600 * 1024))
                .assertProblem(413);
        probe.send("POST", PROJECTS, forestry, "text/plain", "name=x").assertProblem(415);
    }
}
