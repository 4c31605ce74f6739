package cn.lantian.stationary.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.stationary.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.ProblemProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every refusal of the service in the platform's one problem shape, checked against its JSON Schema. */
class ProblemConformanceIntegrationTests extends IntegrationTest {

    private static final String ENTERPRISES = "/api/stationary/v1/enterprises";

    @LocalServerPort
    int localPort;

    ProblemProbe probe;
    String shache;

    @BeforeEach
    void probe() {
        probe = ProblemProbe.at("http://127.0.0.1:" + localPort);
        shache = KeycloakTokens.of(DemoIdentity.ECO_SHACHE);
    }

    @Test
    void answers400NamingTheFieldWithoutEchoingTheParser() {
        JsonNode problem =
                probe.json("POST", ENTERPRISES, shache, "{\"name\":12}").assertProblem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
        probe.json("POST", ENTERPRISES, shache, "{\"name\":").assertProblem(400);
        probe.json("POST", ENTERPRISES, shache, "[".repeat(501)).assertProblem(400);
        probe.send("GET", "/api/stationary/v1/enterprises?after=a%00b", shache, null, null)
                .assertProblem(400);
    }

    @Test
    void answers401And403() {
        probe.send("GET", ENTERPRISES, null, null, null).assertProblem(401);
        probe.json("POST", ENTERPRISES, KeycloakTokens.of(DemoIdentity.HOUSING_SHACHE), "{}")
                .assertProblem(403);
        String id = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        probe.json("PUT", ENTERPRISES + "/" + id, KeycloakTokens.of(DemoIdentity.ECO_KASHGAR), """
                {"creditCode":"%s","name":"x","lon":%s,"lat":%s}""".formatted(
                                creditCode(), SHACHE[0], SHACHE[1]))
                .assertProblem(403);
    }

    @Test
    void answers404ForUnknownRecordsAndPaths() {
        probe.send("GET", ENTERPRISES + "/no-such-enterprise", shache, null, null)
                .assertProblem(404);
        probe.send("GET", "/api/stationary/v1/no-such-thing", shache, null, null)
                .assertProblem(404);
        probe.send("GET", "/api/public/v1/enterprises/no-such-enterprise", null, null, null)
                .assertProblem(404);
    }

    @Test
    void answers405413And415() {
        probe.send("DELETE", ENTERPRISES, shache, null, null).assertProblem(405);
        probe.json("POST", ENTERPRISES, shache, ProblemProbe.oversized(3 * 1024 * 1024))
                .assertProblem(413);
        probe.send("POST", ENTERPRISES, shache, "text/plain", "name=x").assertProblem(415);
    }

    @Test
    void refusesAFacilityNameOfAHundredThousandCharactersAndStoresNothing() {
        String enterprise = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        String id = unique("boiler");
        JsonNode problem = probe.json("POST", "/api/stationary/v1/facilities", shache, """
                {"id":"%s","kind":"boiler","enterpriseId":"%s","name":"%s","lon":%s,"lat":%s,"attributes":{}}""".formatted(
                                id, enterprise, "名".repeat(100_000), SHACHE[0], SHACHE[1]))
                .assertProblem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
        probe.send("GET", "/api/stationary/v1/facilities/" + id, shache, null, null)
                .assertProblem(404);
    }

    @Test
    void refusesANumberWhereTextOrATimeIsExpected() {
        JsonNode reason = probe.json(
                        "POST", "/api/stationary/v1/permits/no-such-permit/revocation", shache, "{\"reason\":1e400}")
                .assertProblem(400);
        assertThat(reason.get("errors").get(0).get("field").asString()).isEqualTo("reason");
        JsonNode at = probe.json(
                        "POST",
                        "/api/stationary/v1/emergency/electricity",
                        shache,
                        "[{\"lineId\":\"l-1\",\"at\":1e400,\"kw\":1}]")
                .assertProblem(400);
        assertThat(at.get("errors").get(0).get("field").asString()).isEqualTo("[0].at");
        JsonNode nul = probe.json("POST", ENTERPRISES, shache, "{\"name\":\"a\\u0000b\"}")
                .assertProblem(400);
        assertThat(nul.get("errors").get(0).get("field").asString()).isEqualTo("name");
    }
}
