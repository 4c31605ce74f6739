package cn.lantian.straw.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.straw.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.ProblemProbe;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every refusal of the service in the platform's one problem shape, checked against its JSON Schema. */
class ProblemConformanceIntegrationTests extends IntegrationTest {

    private static final String INCIDENTS = "/api/straw/v1/incidents";
    private static final String FIGURES = "{\"cropAreaHa\":20000.0,\"producedT\":1000.0,\"returnedT\":660.0,"
            + "\"feedT\":100.0,\"fuelT\":50.0,\"rawMaterialT\":25.0,\"baseMaterialT\":25.0}";

    /** A season of this run alone, so that nothing a run stores meets another's. */
    private final String strawUse = "/api/straw/v1/straw-use/653125/"
            + (2050 + ThreadLocalRandom.current().nextInt(0, 50)) + "-autumn";

    ProblemProbe probe;
    String agri;

    @BeforeEach
    void probe() {
        probe = ProblemProbe.at("http://127.0.0.1:" + port);
        agri = KeycloakTokens.of(DemoIdentity.AGRI_SHACHE);
    }

    @Test
    void answers400NamingTheFieldWithoutEchoingTheParser() {
        JsonNode problem =
                probe.json("PUT", strawUse, agri, "{\"cropAreaHa\":\"12\"}").assertProblem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("cropAreaHa");
        assertThat(problem.toString()).doesNotContain("Exception", "tools.jackson");
        probe.json("PUT", strawUse, agri, "{\"cropAreaHa\":").assertProblem(400);
        probe.json("PUT", strawUse, agri, "{\"cropAreaHa\":1e400}").assertProblem(400);
        JsonNode tooLong = probe.json(
                        "POST",
                        INCIDENTS + "/no-such-incident/assignment",
                        agri,
                        "{\"assignedTo\":\"" + "乡".repeat(100_000) + "\"}")
                .assertProblem(400);
        assertThat(tooLong.get("errors").get(0).get("field").asString()).isEqualTo("assignedTo");
        probe.send("GET", INCIDENTS + "?after=a%00b", agri, null, null).assertProblem(400);
        probe.send("GET", INCIDENTS + "?limit=many", agri, null, null).assertProblem(400);
    }

    @Test
    void answers401And403And404() {
        probe.send("GET", INCIDENTS, null, null, null).assertProblem(401);
        probe.json("PUT", strawUse, KeycloakTokens.of(DemoIdentity.ECO_SHACHE), FIGURES)
                .assertProblem(403);
        probe.send("GET", INCIDENTS + "/no-such-incident", agri, null, null).assertProblem(404);
        probe.json("POST", INCIDENTS + "/no-such-incident/assignment", agri, "{\"assignedTo\":\"阿瓦提乡\"}")
                .assertProblem(404);
        probe.send("GET", "/api/straw/v1/no-such-thing", agri, null, null).assertProblem(404);
    }

    @Test
    void answers405413And415() {
        probe.send("DELETE", INCIDENTS, agri, null, null).assertProblem(405);
        probe.json("POST", INCIDENTS + "/no-such-incident/assignment", agri, ProblemProbe.oversized(3 * 1024 * 1024))
                .assertProblem(413);
        probe.send("POST", INCIDENTS + "/no-such-incident/assignment", agri, "text/plain", "x")
                .assertProblem(415);
        probe.send("POST", "/api/straw/v1/fire-points", agri, "application/json", "{}")
                .assertProblem(415);
    }

    @Test
    void fireDetectionUploadsKeepTheirLargerCapAndStillHaveOne() {
        assertThat(probe.send("POST", "/api/straw/v1/fire-points", agri, "text/csv", "x".repeat(3 * 1024 * 1024))
                        .status())
                .isNotEqualTo(413);
        probe.send("POST", "/api/straw/v1/fire-points", agri, "text/csv", "x".repeat(17 * 1024 * 1024))
                .assertProblem(413);
    }
}
