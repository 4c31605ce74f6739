package cn.lantian.stationary.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.stationary.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.OpenApiFuzz;
import cn.lantian.testsupport.ProblemProbe;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operation of the service's OpenAPI document, sent malformed, oversized, wrong-typed and NUL- or
 * surrogate-bearing requests by a caller of another county, by no one and with a forged token: never a 5xx, every
 * refusal a problem document, and nothing the owner sees changes.
 */
class FuzzIntegrationTests extends IntegrationTest {

    @LocalServerPort
    int localPort;

    @Autowired
    ConnectionFactory connections;

    @Test
    void noBadRequestBreaksTheServiceOrChangesWhatTheOwnerSees() {
        String base = "http://127.0.0.1:" + localPort;
        String enterprise = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        String owner = KeycloakTokens.of(DemoIdentity.ECO_SHACHE);
        String before = ProblemProbe.at(base)
                .send("GET", "/api/stationary/v1/enterprises?limit=1000", owner, null, null)
                .body();

        OpenApiFuzz.Report report = OpenApiFuzz.run(
                base,
                "/v3/api-docs",
                Arrays.asList(KeycloakTokens.of(DemoIdentity.ECO_KASHGAR), null, "forged.token.value"),
                List.of(enterprise));

        System.out.println("fuzz: stationary answered " + report.requests() + " requests");
        if (connections instanceof ConnectionPool pool) {
            pool.getMetrics()
                    .ifPresent(m -> System.out.println("fuzz: database pool acquired " + m.acquiredSize() + ", idle "
                            + m.idleSize() + ", pending " + m.pendingAcquireSize()));
        }
        assertThat(report.requests()).isGreaterThan(100);
        assertThat(report.findings()).as("requests answered against the rules").isEmpty();
        assertThat(ProblemProbe.at(base)
                        .send("GET", "/api/stationary/v1/enterprises?limit=1000", owner, null, null)
                        .body())
                .isEqualTo(before);
    }
}
