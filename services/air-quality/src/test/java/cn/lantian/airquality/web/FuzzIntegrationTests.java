package cn.lantian.airquality.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.airquality.station.Station;
import cn.lantian.airquality.station.Stations;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.Infrastructure;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.OpenApiFuzz;
import cn.lantian.testsupport.ProblemProbe;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Every operation of the service's OpenAPI document, sent malformed, oversized, wrong-typed and NUL- or
 * surrogate-bearing requests by a caller of another county, by no one and with a forged token: never a 5xx, every
 * refusal a problem document, and nothing the owner sees changes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lantian.eventing.relay.enabled=false",
            "spring.r2dbc.url=" + Infrastructure.POSTGRES_R2DBC + "lantian_air_quality_test",
            "spring.flyway.url=" + Infrastructure.POSTGRES_JDBC + "lantian_air_quality_test"
        })
class FuzzIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    DatabaseClient db;

    /** The other suites count stations: leave none behind. */
    @AfterEach
    void removeTheStation() {
        db.sql("delete from observation where station_id = 'FZ01'")
                .then()
                .then(db.sql("delete from station where id = 'FZ01'").then())
                .block();
    }

    @Test
    void noBadRequestBreaksTheServiceOrChangesWhatTheOwnerSees() {
        String base = "http://127.0.0.1:" + port;
        stations.save(new Station("FZ01", "莎车测试站", "Shache test", "county", 77.24, 38.41, "653125", null))
                .block();
        String before = ProblemProbe.at(base)
                .send("GET", "/api/public/v1/stations", null, null, null)
                .body();

        OpenApiFuzz.Report report = OpenApiFuzz.run(
                base, Arrays.asList(KeycloakTokens.of(DemoIdentity.ECO_KASHGAR), null, "forged.token.value"));

        System.out.println("fuzz: air-quality answered " + report.requests() + " requests");
        assertThat(report.requests()).isGreaterThan(100);
        assertThat(report.findings()).as("requests answered against the rules").isEmpty();
        assertThat(ProblemProbe.at(base)
                        .send("GET", "/api/public/v1/stations", null, null, null)
                        .body())
                .isEqualTo(before);
    }
}
