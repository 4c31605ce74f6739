package cn.lantian.airquality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.airquality.station.Station;
import cn.lantian.airquality.station.Stations;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.Infrastructure;
import cn.lantian.testsupport.KeycloakTokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service against the real PostgreSQL (test database) and real Keycloak tokens. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lantian.eventing.relay.enabled=false",
            "spring.r2dbc.url=" + Infrastructure.POSTGRES_R2DBC + "lantian_air_quality_test",
            "spring.flyway.url=" + Infrastructure.POSTGRES_JDBC + "lantian_air_quality_test"
        })
class AirQualityIntegrationTests {

    private static final String CSV_HEADER = "station,time,so2,no2,pm10,pm25,co,o3,o3_8h,valid,flag\n";

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    Stations stations;

    WebTestClient http;

    @BeforeEach
    void cleanDatabase() {
        // The machine may be busy: allow slow answers rather than fail on the client default of 5 s.
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build();
        db.sql("delete from observation")
                .then()
                .then(db.sql("delete from station").then())
                .then(db.sql("delete from target_status").then())
                .then(db.sql("delete from event_outbox").then())
                .block();
        stations.save(new Station("2698A", "巡警大队", "Police Brigade", "national", 76.0072, 39.4467, "653101", null))
                .block();
        stations.save(new Station("SC01", "莎车县城", "Shache town", "county", 77.24, 38.41, "653125", null))
                .block();
    }

    @Test
    void calculatorAnswersWithoutTokenAndNamesTheStandard() {
        // HJ 633-2026 by default: PM2.5 80 is 100 + 50 * 20 / 55 = 118.2 -> 119 (2012: 107)
        http.get()
                .uri("/api/public/v1/aqi/calculate?pm25_24h=80&pm10_24h=100")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.aqi")
                .isEqualTo(119)
                .jsonPath("$.standard")
                .isEqualTo("HJ633-2026")
                .jsonPath("$.nonAttainmentPollutants.length()")
                .isEqualTo(0)
                .jsonPath("$.sensitiveGroups[0].pollutant")
                .isEqualTo("PM2.5")
                .jsonPath("$.category.healthUg")
                .exists()
                .jsonPath("$.category.nameZh")
                .isEqualTo("轻度污染")
                .jsonPath("$.primaryPollutants[0]")
                .isEqualTo("PM2.5");
        http.get()
                .uri("/api/public/v1/aqi/calculate?pm25_24h=80&standard=EPA-2024")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.aqi")
                .isEqualTo(168); // 49 / 69.9 * 24.5 + 151 = 168.2
    }

    @Test
    void calculatorRejectsBadParametersByName() {
        http.get()
                .uri("/api/public/v1/aqi/calculate?pm25_24h=abc&foo=1&no2_1h=-3&standard=X")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field=='pm25_24h')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='foo')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='no2_1h')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='standard')]")
                .exists();
        http.get()
                .uri("/api/public/v1/aqi/calculate?so2_1h=900&standard=HJ633-2012")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("so2_1h");
        // HJ 633-2026 Table 3 note b: counted as 200, no 24-hour value needed.
        http.get()
                .uri("/api/public/v1/aqi/calculate?so2_1h=900&standard=HJ633-2026")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.aqi")
                .isEqualTo(200);
    }

    @Test
    void ecologyOfficerIngestsInOwnCountyAndCorrectionsReplace() {
        String token = KeycloakTokens.of(DemoIdentity.ECO_KASHGAR);
        http.post()
                .uri("/api/air-quality/v1/observations")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(CSV_HEADER + "2698A,2024-04-02T09:00+08:00,8,27,707,240,0.7,32,10,true,N\n")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.written")
                .isEqualTo(1);
        http.get()
                .uri("/api/public/v1/stations")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.id=='2698A')].latest.aqi")
                .isEqualTo(500)
                .jsonPath("$[?(@.id=='2698A')].latest.standard")
                .isEqualTo("HJ633-2012");
        // A corrected value for the same hour replaces the first, and the AQI with it.
        http.post()
                .uri("/api/air-quality/v1/observations")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue("{\"station\":\"2698A\",\"time\":\"2024-04-02T09:00+08:00\",\"pm10\":120,\"pm25\":40}\n")
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/api/public/v1/stations")
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.id=='2698A')].latest.aqi")
                .isEqualTo(85);
        // Twice in one batch: the later line wins.
        http.post()
                .uri("/api/air-quality/v1/observations")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(
                        CSV_HEADER
                                + "2698A,2024-04-02T09:00+08:00,,,500,,,,,true,N\n2698A,2024-04-02T09:00+08:00,,,100,,,,,true,N\n")
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/api/public/v1/stations")
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.id=='2698A')].latest.aqi")
                .isEqualTo(75);
        Long rows = db.sql("select count(*) as n from observation")
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
        assertThat(rows).isEqualTo(1L);
    }

    @Test
    void writesOutsideTheCallersJurisdictionAreRefused() {
        http.post()
                .uri("/api/air-quality/v1/observations")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.ECO_KASHGAR)))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(CSV_HEADER + "SC01,2024-04-02T09:00+08:00,8,27,100,40,0.7,32,10,true,N\n")
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/air-quality/v1/observations")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.COORDINATOR)))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(CSV_HEADER + "SC01,2024-04-02T09:00+08:00,8,27,100,40,0.7,32,10,true,N\n")
                .exchange()
                .expectStatus()
                .isOk();
        http.post()
                .uri("/api/air-quality/v1/observations")
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(CSV_HEADER)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.post()
                .uri("/api/air-quality/v1/observations")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.POLICE_KASHGAR)))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(CSV_HEADER + "2698A,2024-04-02T09:00+08:00,8,27,100,40,0.7,32,10,true,N\n")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void badLinesAreReportedByNumberAndField() {
        http.post()
                .uri("/api/air-quality/v1/observations")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.ECO_KASHGAR)))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(
                        CSV_HEADER
                                + "2698A,yesterday,8,27,100,40,0.7,32,10,true,N\n2698A,2024-04-02T10:00+08:00,8,27,x,40,0.7,32,10,true,N\n")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("line 2: time")
                .jsonPath("$.errors[1].field")
                .isEqualTo("line 3: pm10");
    }

    @Test
    void dailySeriesAndTargetsAreServed() {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (int h = 1; h <= 24; h++) {
            String time = h == 24 ? "2024-01-02T00:00+08:00" : String.format("2024-01-01T%02d:00+08:00", h);
            csv.append("2698A,")
                    .append(time)
                    .append(",10,30,100,")
                    .append(h <= 20 ? "80" : "")
                    .append(",1.0,50,,true,N\n");
        }
        http.post()
                .uri("/api/air-quality/v1/observations")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.ECO_KASHGAR)))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv.toString())
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/api/public/v1/stations/2698A/observations?from=2024-01-01&to=2024-01-01&resolution=daily")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].day")
                .isEqualTo("2024-01-01")
                .jsonPath("$[0].pm25")
                .isEqualTo(80.0)
                .jsonPath("$[0].aqi")
                .isEqualTo(107)
                .jsonPath("$[0].standard")
                .isEqualTo("HJ633-2012");
        http.get()
                .uri("/api/public/v1/targets/2024?asOf=2024-01-01")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.units[?(@.unit=='653100')].measured.validDays")
                .isEqualTo(1)
                .jsonPath("$.units[?(@.unit=='653100')].target.pm25Mean.value")
                .isEqualTo(53.0);
        http.get()
                .uri("/api/public/v1/stations/NOPE/observations")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aUnitsAqiComesFromItsAssessmentStationsAveragedConcentrations() {
        stations.save(new Station("2699A", "吾办", "Wu Office", "national", 75.9755, 39.4694, "653101", null))
                .block();
        stations.save(new Station("KEDZ01", "喀什经济开发区", "Development zone", "industrial", 75.93, 39.52, "653101", null))
                .block();
        // PM2.5 20 and 130 at the two national stations (mean 75: IAQI 100 by HJ 633-2012), 300 at the industrial park.
        String csv = CSV_HEADER + "2698A,2024-04-02T09:00+08:00,5,20,30,20,0.5,40,,true,N\n"
                + "2699A,2024-04-02T09:00+08:00,5,20,30,130,0.5,40,,true,N\n"
                + "KEDZ01,2024-04-02T09:00+08:00,5,20,30,300,0.5,40,,true,N\n";
        http.post()
                .uri("/api/air-quality/v1/observations")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.ECO_KASHGAR)))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/api/public/v1/units/653100/aqi")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.aqi")
                .isEqualTo(100)
                .jsonPath("$.standard")
                .isEqualTo("HJ633-2012")
                .jsonPath("$.stationIds.length()")
                .isEqualTo(2)
                .jsonPath("$.concentrations.pm25_1h")
                .isEqualTo(75.0);
        // The mean of the two stations' AQIs would be 101; the industrial park assesses nothing.
        http.get()
                .uri("/api/public/v1/stations")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.id=='2699A')].latest.aqi")
                .isEqualTo(172)
                .jsonPath("$[?(@.id=='2698A')].latest.basis")
                .value(b -> assertThat(b.toString()).contains("national monitoring centre"));
        http.get()
                .uri("/api/public/v1/units/xpcc-3-99/aqi")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void ingestReevaluatesTheYearAndPublishesStatusChanges() {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (int h = 1; h <= 24; h++) {
            String time = h == 24 ? "2024-01-02T00:00+08:00" : String.format("2024-01-01T%02d:00+08:00", h);
            csv.append("2698A,").append(time).append(",10,30,100,80,1.0,50,,true,N\n");
        }
        http.post()
                .uri("/api/air-quality/v1/observations")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.ECO_KASHGAR)))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv.toString())
                .exchange()
                .expectStatus()
                .isOk();
        // One day of 2024, PM2.5 80 and AQI 107: the year is over, so the figures are final: no good day and PM2.5 80
        // miss their targets, no heavy day meets its own.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> statuses = db.sql("select status from target_status where unit = '653100' and year = 2024")
                    .map(r -> r.get("status", String.class))
                    .all()
                    .collectList()
                    .block();
            assertThat(statuses).containsExactlyInAnyOrder("missed", "met", "missed");
        });
        Long events = db.sql(
                        "select count(*) as n from event_outbox where type = 'lantian.air-quality.target-status-changed.v1'")
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
        assertThat(events).isGreaterThanOrEqualTo(6L);
    }

    @Test
    void eachBatchPublishesTheNewestHourPerStationAndEveryCorrectedHour() {
        String token = KeycloakTokens.of(DemoIdentity.ECO_KASHGAR);
        post(
                token,
                CSV_HEADER + "2698A,2024-04-02T08:00+08:00,8,27,100,40,0.7,32,,true,N\n"
                        + "2698A,2024-04-02T09:00+08:00,8,27,707,240,0.7,32,,true,N\n"
                        + "2698A,2024-04-02T10:00+08:00,8,27,,,0.7,32,,false,M\n");
        // Three new hours, one event: the newest valid hour (10:00 is flagged invalid and has no AQI).
        List<String> first = hourlyEvents();
        assertThat(first).hasSize(1);
        assertThat(first.get(0))
                .contains(
                        "\"hour\":\"2024-04-02T09:00:00+08:00\"",
                        "\"aqi\":500",
                        "\"category\":6",
                        "\"standard\":\"HJ633-2012\"",
                        "\"lon\":76.0072",
                        "\"subject\":\"station/2698A\"",
                        "\"jurisdiction\":\"653101\"");

        // A late correction of 08:00 publishes that hour again, recomputed.
        post(token, CSV_HEADER + "2698A,2024-04-02T08:00+08:00,8,27,100,80,0.7,32,,true,N\n");
        List<String> second = hourlyEvents();
        assertThat(second).hasSize(2);
        assertThat(second.get(1)).contains("\"hour\":\"2024-04-02T08:00:00+08:00\"", "\"aqi\":107", "\"category\":3");

        // The same values delivered again change nothing and publish nothing.
        http.post()
                .uri("/api/air-quality/v1/observations")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(CSV_HEADER + "2698A,2024-04-02T08:00+08:00,8,27,100,80,0.7,32,,true,N\n")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.written")
                .isEqualTo(0);
        assertThat(hourlyEvents()).hasSize(2);
    }

    @Test
    void theOpenApiDocumentSaysWhichApiAndVersionItIsAndPassesSpectral() {
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("Lantian air-quality API")
                .jsonPath("$.info.version")
                .isEqualTo("1.0.0")
                .jsonPath("$.tags[0].description")
                .isNotEmpty()
                .consumeWith(doc -> {
                    // Spectral's spectral:oas ruleset: no error and no warning (the document is kept as test output).
                    cn.lantian.testsupport.OpenApiLint.Result lint =
                            cn.lantian.testsupport.OpenApiLint.lint("openapi-air-quality", doc.getResponseBody());
                    assertThat(lint.clean()).as(lint.report()).isTrue();
                });
    }

    @Test
    void aStationCarriesItsUyghurNameOperatorElevationAndFirstDayWhereKnown() {
        String kashgar = KeycloakTokens.of(DemoIdentity.ECO_KASHGAR);
        String station = """
                {"nameZh":"元数据站","nameEn":"Metadata station","nameUg":"مېتا پونكىت","kind":"county",
                 "longitude":75.99,"latitude":39.47,"jurisdiction":"653101","operator":"喀什地区生态环境监测站",
                 "elevationM":1289.5,"operatingSince":"2015-01-01"}""";
        http.put()
                .uri("/api/air-quality/v1/stations/KS11")
                .headers(h -> h.setBearerAuth(kashgar))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station)
                .exchange()
                .expectStatus()
                .isCreated();
        http.get()
                .uri("/api/public/v1/stations")
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.id=='KS11')].nameUg")
                .isEqualTo("مېتا پونكىت")
                .jsonPath("$[?(@.id=='KS11')].operator")
                .isEqualTo("喀什地区生态环境监测站")
                .jsonPath("$[?(@.id=='KS11')].elevationM")
                .isEqualTo(1289.5)
                .jsonPath("$[?(@.id=='KS11')].operatingSince")
                .isEqualTo("2015-01-01");
        http.put()
                .uri("/api/air-quality/v1/stations/KS11")
                .headers(h -> h.setBearerAuth(kashgar))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station.replace("1289.5", "9999").replace("2015-01-01", "2999-01-01"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("elevationM", "operatingSince"));
    }

    @Test
    void ecologyRegistersAndChangesStationsInItsOwnJurisdictionOnly() {
        String kashgar = KeycloakTokens.of(DemoIdentity.ECO_KASHGAR);
        String station = """
                {"nameZh":"新站","nameEn":"New station","kind":"county","longitude":75.99,"latitude":39.47,"jurisdiction":"653101"}""";
        http.put()
                .uri("/api/air-quality/v1/stations/KS09")
                .headers(h -> h.setBearerAuth(kashgar))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo("KS09")
                .jsonPath("$.jurisdiction")
                .isEqualTo("653101");
        http.put()
                .uri("/api/air-quality/v1/stations/KS09")
                .headers(h -> h.setBearerAuth(kashgar))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station.replace("新站", "新站二"))
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/api/public/v1/stations")
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.id=='KS09')].nameZh")
                .isEqualTo("新站二");
        // Moving it into another county, or changing another county's station, is outside the officer's jurisdiction.
        http.put()
                .uri("/api/air-quality/v1/stations/KS09")
                .headers(h -> h.setBearerAuth(kashgar))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station.replace("653101", "653125"))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.put()
                .uri("/api/air-quality/v1/stations/SC01")
                .headers(h -> h.setBearerAuth(kashgar))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.put()
                .uri("/api/air-quality/v1/stations/KS10")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(stations.byId().block().get("SC01").jurisdiction()).isEqualTo("653125");
    }

    @Test
    void aCorpsOfficerCannotPlaceAStationInACountyNorWriteObservationsForOneSoPlaced() {
        String corps = KeycloakTokens.of(DemoIdentity.CORPS_OFFICER);
        // In Tumxuk (xpcc-3, joint with Bachu), claimed for Shache with the officer's own unit beside it.
        String claimed = """
                {"nameZh":"冒名站","kind":"regional","longitude":79.161,"latitude":39.8694,"jurisdiction":"653125","corpsUnit":"xpcc-3"}""";
        http.put()
                .uri("/api/air-quality/v1/stations/TM98")
                .headers(h -> h.setBearerAuth(corps))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(claimed)
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(stations.byId().block()).doesNotContainKey("TM98");
        // Placed where its coordinates lie, the officer's station is theirs.
        http.put()
                .uri("/api/air-quality/v1/stations/TM97")
                .headers(h -> h.setBearerAuth(corps))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(claimed.replace("\"653125\"", "\"xpcc-3\""))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.jurisdiction")
                .isEqualTo("653130")
                .jsonPath("$.corpsUnit")
                .isEqualTo("xpcc-3");
        post(corps, CSV_HEADER + "TM97,2024-04-02T09:00+08:00,8,27,100,40,0.7,32,10,true,N\n");
        // A station stored before this check with a county its coordinates contradict takes no officer's observations.
        stations.save(new Station("TM96", "冒名站", "Claimed", "regional", 79.161, 39.8694, "653125", "xpcc-3"))
                .block();
        http.post()
                .uri("/api/air-quality/v1/observations")
                .headers(h -> h.setBearerAuth(corps))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(CSV_HEADER + "TM96,2024-04-02T09:00+08:00,8,27,100,40,0.7,32,10,true,N\n")
                .exchange()
                .expectStatus()
                .isForbidden();
        Long rows = db.sql("select count(*) as n from observation where station_id = 'TM96'")
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
        assertThat(rows).isZero();
    }

    @Test
    void healthShowsItsComponentsOnlyToThePrefecture() {
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .exists()
                .jsonPath("$.components")
                .doesNotExist();
        http.get()
                .uri("/actuator/health")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.ECO_SHACHE)))
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .exists()
                .jsonPath("$.components")
                .doesNotExist();
        http.get()
                .uri("/actuator/health")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.COORDINATOR)))
                .exchange()
                .expectBody()
                .jsonPath("$.components")
                .exists();
    }

    @Test
    void aStationWithBadFieldsIsRefusedNamingEachField() {
        http.put()
                .uri("/api/air-quality/v1/stations/KS11")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.ECO_KASHGAR)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"nameZh":"","kind":"city","longitude":275,"jurisdiction":"999999","corpsUnit":"653101"}""")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field=='nameZh')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='kind')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='longitude')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='latitude')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='jurisdiction')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='corpsUnit')]")
                .exists();
        assertThat(stations.byId().block()).doesNotContainKey("KS11");
    }

    @Test
    void aStationBodyThatIsNotJsonIsRefusedAsAProblem() {
        http.put()
                .uri("/api/air-quality/v1/stations/KS12")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.ECO_KASHGAR)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"nameZh\": \"新站\", ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.errors[0].field")
                .exists()
                .jsonPath("$.trace")
                .doesNotExist();
        assertThat(stations.byId().block()).doesNotContainKey("KS12");
    }

    private void post(String token, String csv) {
        http.post()
                .uri("/api/air-quality/v1/observations")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private List<String> hourlyEvents() {
        return db.sql(
                        "select payload from event_outbox where type = 'lantian.air-quality.hourly-aqi-published.v1' order by seq")
                .map(r -> r.get("payload", String.class))
                .all()
                .collectList()
                .block();
    }
}
