package cn.lantian.airquality.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.airquality.station.Station;
import cn.lantian.airquality.station.Stations;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.Infrastructure;
import cn.lantian.testsupport.KeycloakTokens;
import cn.lantian.testsupport.ProblemProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** Every refusal of the service in the platform's one problem shape, checked against its JSON Schema. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lantian.eventing.relay.enabled=false",
            "spring.r2dbc.url=" + Infrastructure.POSTGRES_R2DBC + "lantian_air_quality_test",
            "spring.flyway.url=" + Infrastructure.POSTGRES_JDBC + "lantian_air_quality_test"
        })
class ProblemConformanceIntegrationTests {

    private static final String OBSERVATIONS = "/api/air-quality/v1/observations";

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    Stations stations;

    ProblemProbe probe;
    String kashgar;

    @BeforeEach
    void probe() {
        probe = ProblemProbe.at("http://127.0.0.1:" + port);
        kashgar = KeycloakTokens.of(DemoIdentity.ECO_KASHGAR);
        stations.save(new Station("PC01", "一号站", "Station one", "county", 77.24, 38.41, "653125", null))
                .block();
    }

    /** The other suites count stations: leave none behind. */
    @AfterEach
    void removeTheStations() {
        db.sql("delete from observation where station_id in ('PC01', 'PC02', 'PC03')")
                .then()
                .then(db.sql("delete from station where id in ('PC01', 'PC02', 'PC03')")
                        .then())
                .block();
    }

    @Test
    void answers400NamingTheFieldWithoutEchoingTheParser() {
        JsonNode calc = probe.send("GET", "/api/public/v1/aqi/calculate?pm25_24h=abc", null, null, null)
                .assertProblem(400);
        assertThat(calc.toString()).doesNotContain("For input string");
        JsonNode station = probe.json("PUT", "/api/air-quality/v1/stations/PC02", kashgar, "{\"nameZh\":12}")
                .assertProblem(400);
        assertThat(station.get("errors").get(0).get("field").asString()).isEqualTo("nameZh");
        probe.json("PUT", "/api/air-quality/v1/stations/PC02", kashgar, "[".repeat(501))
                .assertProblem(400);
        probe.send("GET", "/api/public/v1/stations/PC01/observations?from=2024-01-01%00", null, null, null)
                .assertProblem(400);
    }

    @Test
    void answers401And403() {
        probe.send("POST", OBSERVATIONS, null, "text/csv", "station,time,pm25\n")
                .assertProblem(401);
        probe.send(
                        "POST",
                        OBSERVATIONS,
                        KeycloakTokens.of(DemoIdentity.HOUSING_SHACHE),
                        "text/csv",
                        "station,time,pm25\n")
                .assertProblem(403);
        probe.send("POST", OBSERVATIONS, kashgar, "text/csv", "station,time,pm25\nPC01,2024-04-02T09:00+08:00,40\n")
                .assertProblem(403);
    }

    @Test
    void answers404ForUnknownStationsAndPaths() {
        probe.send("GET", "/api/public/v1/stations/NOPE/observations", null, null, null)
                .assertProblem(404);
        probe.send("GET", "/api/air-quality/v1/no-such-thing", kashgar, null, null)
                .assertProblem(404);
    }

    @Test
    void answers405413And415() {
        probe.send("DELETE", OBSERVATIONS, kashgar, null, null).assertProblem(405);
        probe.json("PUT", "/api/air-quality/v1/stations/PC02", kashgar, ProblemProbe.oversized(3 * 1024 * 1024))
                .assertProblem(413);
        probe.send("POST", OBSERVATIONS, kashgar, "text/plain", "hello").assertProblem(415);
    }

    @Test
    void refusesACsvWithoutAnyPollutantColumnAndStoresNothing() {
        String coordinator = KeycloakTokens.of(DemoIdentity.COORDINATOR);
        JsonNode problem = probe.send(
                        "POST",
                        OBSERVATIONS,
                        coordinator,
                        "text/csv",
                        "station,time,valid\nPC01,2024-04-02T09:00+08:00,true\n")
                .assertProblem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("header");
        Long rows = db.sql("select count(*) as n from observation where station_id = 'PC01'")
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
        assertThat(rows).isZero();
    }

    @Test
    void refusesAStationNameOfAHundredThousandCharacters() {
        JsonNode problem = probe.json(
                        "PUT",
                        "/api/air-quality/v1/stations/PC03",
                        KeycloakTokens.of(DemoIdentity.COORDINATOR),
                        "{\"nameZh\":\"%s\",\"kind\":\"county\",\"longitude\":77.24,\"latitude\":38.41,\"jurisdiction\":\"653125\"}"
                                .formatted("站".repeat(100_000)))
                .assertProblem(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("nameZh");
        assertThat(stations.byId().block()).doesNotContainKey("PC03");
    }
}
