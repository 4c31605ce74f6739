package cn.lantian.airquality.sta;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.airquality.station.Stations;
import cn.lantian.testsupport.Infrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The SensorThings API read against the real PostgreSQL (test database), without a token. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lantian.eventing.relay.enabled=false",
            "spring.r2dbc.url=" + Infrastructure.POSTGRES_R2DBC + "lantian_air_quality_test",
            "spring.flyway.url=" + Infrastructure.POSTGRES_JDBC + "lantian_air_quality_test"
        })
class SensorThingsIntegrationTests {

    static final String ROOT = "/api/public/sta/v1.1";

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    Stations stations;

    WebTestClient http;
    long police;
    long shache;
    Instant lastHour;

    @BeforeEach
    void stationsWithADayOfHours() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        StaTestData.reset(db, stations);
        police = StaTestData.thingId(db, "2698A");
        shache = StaTestData.thingId(db, "SC01");
        lastHour = StaTestData.LAST_HOUR;
    }

    @Test
    void serviceRootListsTheEightEntitySetsWithTheirUrls() {
        http.get()
                .uri(ROOT)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.value.length()")
                .isEqualTo(8)
                .jsonPath("$.value[?(@.name == 'Things')].url")
                .isEqualTo("http://127.0.0.1:" + port + ROOT + "/Things");
    }

    @Test
    void thingIsTheStationWithNumericIdAndNavigationLinks() {
        http.get()
                .uri(ROOT + "/Things(" + police + ")")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$['@iot.id']")
                .isEqualTo(police)
                .jsonPath("$.name")
                .isEqualTo("巡警大队")
                .jsonPath("$.properties.stationCode")
                .isEqualTo("2698A")
                .jsonPath("$['Datastreams@iot.navigationLink']")
                .isEqualTo("http://127.0.0.1:" + port + ROOT + "/Things(" + police + ")/Datastreams");
    }

    @Test
    void gatewayHostIsUsedInLinks() {
        http.get()
                .uri(ROOT + "/Things(" + police + ")")
                .header("X-Forwarded-Host", "lantian.example")
                .header("X-Forwarded-Proto", "https")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$['@iot.selfLink']")
                .isEqualTo("https://lantian.example" + ROOT + "/Things(" + police + ")");
    }

    @Test
    void datastreamCarriesUnitAndObservationType() {
        long pm25 = police * 10 + 4;
        http.get()
                .uri(ROOT + "/Datastreams(" + pm25 + ")?$expand=ObservedProperty,Sensor")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.unitOfMeasurement.symbol")
                .isEqualTo("µg/m³")
                .jsonPath("$.observationType")
                .isEqualTo("http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement")
                .jsonPath("$.ObservedProperty.name")
                .isEqualTo("PM2.5")
                .jsonPath("$.Sensor.metadata")
                .isEqualTo("HJ 653-2013");
    }

    @Test
    void observationsOfAStationFilteredByTimeAndThing() {
        // the last 3 hours of PM2.5 at the police brigade, newest first
        String from =
                lastHour.minus(3, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC).toString();
        http.get()
                .uri(ROOT + "/Observations?$filter=phenomenonTime ge " + from
                        + " and Datastream/Thing/id eq " + police + " and Datastream/ObservedProperty/name eq 'PM2.5'"
                        + "&$orderby=phenomenonTime desc&$count=true")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$['@iot.count']")
                .isEqualTo(3)
                .jsonPath("$.value.length()")
                .isEqualTo(3)
                .jsonPath("$.value[0].result")
                .isEqualTo(StaTestData.pm25(23))
                .jsonPath("$.value[0].phenomenonTime")
                .isEqualTo(lastHour.minus(1, ChronoUnit.HOURS) + "/" + lastHour)
                .jsonPath("$.value[0].resultQuality.valid")
                .isEqualTo(true);
    }

    @Test
    void observationByIdAndItsValue() {
        long pm25 = police * 10 + 4;
        long id = pm25 * EntityType.HOURS_PER_DATASTREAM + lastHour.getEpochSecond() / 3600;
        http.get()
                .uri(ROOT + "/Observations(" + id + ")")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$['@iot.id']")
                .isEqualTo(id)
                .jsonPath("$.result")
                .isEqualTo(StaTestData.pm25(23));
        http.get()
                .uri(ROOT + "/Observations(" + id + ")/result/$value")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(String.valueOf(StaTestData.pm25(23)));
        http.get()
                .uri(ROOT + "/Observations(" + id + ")/Datastream/Thing")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$['@iot.id']")
                .isEqualTo(police);
    }

    @Test
    void pagesAreBoundedAndLinked() {
        http.get()
                .uri(ROOT + "/Datastreams(" + (police * 10 + 4) + ")/Observations?$top=5&$select=result")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.value.length()")
                .isEqualTo(5)
                .jsonPath("$.value[0]['@iot.id']")
                .doesNotExist()
                .jsonPath("$['@iot.nextLink']")
                .value(link -> assertThat(link.toString()).contains("$skip=5").contains("$top=5"));
        http.get()
                .uri(ROOT + "/Observations?$top=1001")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void expandNestsPagesPerParent() {
        http.get()
                .uri(
                        ROOT + "/Things?$filter=id eq " + shache
                                + "&$expand=Datastreams($filter=ObservedProperty/name eq 'AQI';$expand=Observations($top=2;$orderby=phenomenonTime desc))")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.value.length()")
                .isEqualTo(1)
                .jsonPath("$.value[0].Datastreams.length()")
                .isEqualTo(1)
                .jsonPath("$.value[0].Datastreams[0].Observations.length()")
                .isEqualTo(2)
                .jsonPath("$.value[0].Datastreams[0].Observations[0].result")
                .isEqualTo(StaTestData.aqi(23));
    }

    @Test
    void refListsOnlySelfLinks() {
        http.get()
                .uri(ROOT + "/Things(" + police + ")/Locations/$ref")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.value[0]['@iot.selfLink']")
                .isEqualTo("http://127.0.0.1:" + port + ROOT + "/Locations(" + police + ")")
                .jsonPath("$.value[0].name")
                .doesNotExist();
    }

    @Test
    void unknownEntityIs404AndBadFilterIs400() {
        http.get()
                .uri(ROOT + "/Things(" + Long.MAX_VALUE + ")")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri(ROOT + "/Observations(" + Long.MAX_VALUE + ")")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri(ROOT + "/Things(" + Long.MAX_VALUE + ")/Datastreams")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get().uri(ROOT + "/Stations").exchange().expectStatus().isNotFound();
        http.get()
                .uri(ROOT + "/Things?$filter=name eq")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json");
        http.get()
                .uri(ROOT + "/Observations?$filter=result eq 'high'")
                .exchange()
                .expectStatus()
                .isBadRequest();
        // positive control: the same filter with a number is answered
        http.get()
                .uri(ROOT + "/Observations?$filter=result eq 1")
                .exchange()
                .expectStatus()
                .isOk();
    }
}
