package cn.lantian.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** {@code ./lantian up} starts every service and says where to open the platform. Runs first. */
@Order(1)
class LauncherUpIntegrationTests {

    @Test
    void upStartsEveryServiceAndSaysWhereToOpenIt() throws Exception {
        String output = Launcher.run("up", "--no-build");
        assertThat(output).contains("http://127.0.0.1:8080/");
        Launcher.firstStart = Launcher.started();
        assertThat(Launcher.firstStart.keySet()).containsAll(Launcher.services());
        Launcher.firstStart.forEach((name, pid) ->
                assertThat(Launcher.alive(pid)).as(name + " runs").isTrue());
        assertThat(Launcher.run("status")).contains("elasticsearch    up", "keycloak         up");
    }
}
