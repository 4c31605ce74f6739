package cn.lantian.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.indexer.IndexerIntegrationSupport;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.ProblemProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal of the search API in the platform's one problem shape, checked against its JSON Schema. The API only
 * reads, so a body is refused before any handler: 405 for a write, 413 and 415 as any service answers them.
 */
class ProblemConformanceIntegrationTests extends IndexerIntegrationSupport {

    private static final String EVENTS = "/api/search/v1/events";

    @Value("${local.server.port}")
    int localPort;

    ProblemProbe probe;
    String token;

    @BeforeEach
    void probe() {
        probe = ProblemProbe.at("http://127.0.0.1:" + localPort);
        token = KeycloakTokens.of(DemoIdentity.ECO_SHACHE);
    }

    @Test
    void answers400NamingTheParameter() {
        JsonNode problem =
                probe.send("GET", EVENTS + "?size=abc", token, null, null).assertProblem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("size");
        probe.send("GET", EVENTS + "?q=a%00b", token, null, null).assertProblem(400);
    }

    @Test
    void answers401And404() {
        probe.send("GET", EVENTS, null, null, null).assertProblem(401);
        probe.send("GET", EVENTS, "not.a.token", null, null).assertProblem(401);
        probe.send("GET", "/api/search/v1/no-such-thing", token, null, null).assertProblem(404);
    }

    @Test
    void answers405413And415() {
        probe.send("DELETE", EVENTS, token, null, null).assertProblem(405);
        probe.json("POST", EVENTS, token, ProblemProbe.oversized(3 * 1024 * 1024))
                .assertProblem(413);
        probe.send("POST", EVENTS, token, "text/plain", "q").assertProblem(405);
    }
}
