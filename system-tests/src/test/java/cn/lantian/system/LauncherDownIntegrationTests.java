package cn.lantian.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./lantian up} is harmless to run twice and {@code ./lantian down} stops exactly what it started. It stops the
 * infrastructure this checkout started, so it runs last and brings the infrastructure back afterwards.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherDownIntegrationTests {

    @Test
    @Order(1)
    void upAgainLeavesOneOfEachProcess() throws Exception {
        Launcher.run("up", "--no-build");
        assertThat(Launcher.started()).isEqualTo(Launcher.firstStart);
        for (String service : Launcher.services()) {
            assertThat(Launcher.processesMatching("target/" + service + ".jar"))
                    .as(service)
                    .isEqualTo(1);
        }
        assertThat(Launcher.processesMatching("org.elasticsearch.bootstrap.Elasticsearch"))
                .isEqualTo(1);
        assertThat(Launcher.processesMatching("-Dkc.home.dir=")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void downLeavesNoneOfItsOwn() throws Exception {
        Launcher.run("down");
        Launcher.firstStart.forEach((name, pid) ->
                assertThat(Launcher.alive(pid)).as(name + " stopped").isFalse());
        assertThat(Launcher.started()).isEmpty();
        for (String service : Launcher.services()) {
            assertThat(Launcher.processesMatching("target/" + service + ".jar"))
                    .as(service)
                    .isZero();
        }
    }

    @Test
    @Order(3)
    void theInfrastructureComesBackForTheNextRun() throws Exception {
        Launcher.run("infra", "up");
        assertThat(Launcher.run("status")).contains("elasticsearch    up", "keycloak         up");
    }
}
