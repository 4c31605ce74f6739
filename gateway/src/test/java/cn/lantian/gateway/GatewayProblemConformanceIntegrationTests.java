package cn.lantian.gateway;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.ProblemProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the gateway answers itself, in the platform's one problem shape, checked against the JSON Schema: bad input,
 * missing or insufficient tokens, unknown paths and methods, oversized bodies. What a service answers is relayed as is.
 */
class GatewayProblemConformanceIntegrationTests extends GatewayIntegrationTest {

    ProblemProbe probe;
    String shache;

    @BeforeEach
    void probe() {
        probe = ProblemProbe.at("http://127.0.0.1:" + port);
        shache = KeycloakTokens.of(DemoIdentity.ECO_SHACHE);
    }

    @Test
    void answers400ForAnEncodedTraversalAndMalformedJson() {
        probe.send("GET", "/api/%2e%2e/actuator", null, null, null).assertProblem(400);
        probe.send("GET", "/api/%2e%2e/actuator", shache, null, null).assertProblem(400);
        probe.json("POST", "/api/stationary/v1/enterprises", shache, "[".repeat(501))
                .assertProblem(400);
        probe.json("POST", "/api/stationary/v1/enterprises", shache, "{\"name\":")
                .assertProblem(400);
    }

    @Test
    void answers401And403() {
        probe.send("GET", "/api/stationary/v1/enterprises", null, null, null).assertProblem(401);
        probe.json("POST", "/api/stationary/v1/enterprises", KeycloakTokens.of(DemoIdentity.HOUSING_SHACHE), "{}")
                .assertProblem(403);
    }

    @Test
    void answers404405And413() {
        probe.send("GET", "/api/nothing-routed-here/v1/x", shache, null, null).assertProblem(404);
        probe.send("DELETE", "/api/me", shache, null, null).assertProblem(405);
        probe.json("POST", "/api/stationary/v1/enterprises", shache, ProblemProbe.oversized(3 * 1024 * 1024))
                .assertProblem(413);
    }
}
