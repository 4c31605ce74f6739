package cn.lantian.airquality.sta;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.airquality.station.Stations;
import cn.lantian.testsupport.Infrastructure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * OGC's own test suite (ets-sta10 1.5) against the service's read API over the test database: every test of
 * conformance level 1 (Sensing Core) passes, none fails or is skipped.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lantian.eventing.relay.enabled=false",
            "spring.r2dbc.url=" + Infrastructure.POSTGRES_R2DBC + "lantian_air_quality_test",
            "spring.flyway.url=" + Infrastructure.POSTGRES_JDBC + "lantian_air_quality_test"
        })
class SensorThingsConformanceIntegrationTests {

    /** Level 1's test methods in ets-sta10 1.5 (sensingCore.Capability1Tests). */
    static final int LEVEL_1_TESTS = 6;

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    Stations stations;

    @Test
    void passesEveryTestOfSensingCore() throws Exception {
        StaTestData.reset(db, stations);
        OgcTestSuite.Outcome outcome = OgcTestSuite.run(
                "http://127.0.0.1:" + port + SensorThingsIntegrationTests.ROOT, 1, Path.of("target", "ets-level-1"));
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.passed()).isEqualTo(LEVEL_1_TESTS);
    }
}
