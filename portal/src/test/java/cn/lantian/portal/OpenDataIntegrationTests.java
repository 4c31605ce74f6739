package cn.lantian.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The open-data API the portal serves, over real HTTP, with the owners' endpoints played by {@link UpstreamStub}. */
class OpenDataIntegrationTests extends PortalTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
    }

    private JsonNode json(String uri) {
        byte[] body = http.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body);
    }

    @Test
    void strawsIncidentsAreListedMappedAndPagedWithoutWhatStrawMustNotPublish() {
        JsonNode page =
                json("/api/public/v1/datasets/fire-incidents?county=653125&from=2026-10-01&to=2026-10-31&limit=1");
        // Whole Beijing days: from 2026-10-01 00:00 +08:00 to the end of 2026-10-31.
        assertThat(UPSTREAM.lastQuery("/api/public/v1/straw/incidents"))
                .contains("from=2026-09-30T16:00:00Z", "to=2026-10-31T16:00:00Z", "county=653125");
        assertThat(page.get("licence").get("id").asString()).isNotBlank();
        assertThat(page.get("items")).hasSize(1);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("id").asString()).isEqualTo("fp-20261020-a1b2c3d4e5");
        assertThat(first.get("longitude").asDouble()).isEqualTo(77.2031);
        assertThat(first.get("verdict").asString()).isEqualTo("burning-confirmed");
        assertThat(first.get("duringAlert").asBoolean()).isTrue();
        assertThat(first.has("handledBy") || first.has("assignee")).isFalse();
        String next = page.get("next").asString();
        JsonNode second = json("/api/public/v1/datasets/fire-incidents?county=653125&from=2026-10-01&to=2026-10-31"
                + "&limit=1&cursor=" + next);
        assertThat(second.get("items").get(0).get("id").asString()).isEqualTo("fp-20261021-0f0e0d0c0b");
        assertThat(second.get("next").isNull()).isTrue();

        JsonNode map = json("/api/public/v1/datasets/fire-incidents?format=geojson");
        assertThat(map.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(map.at("/features/1/geometry/coordinates/0").asDouble()).isEqualTo(79.161);
        assertThat(map.at("/features/1/properties/corpsUnit").asString()).isEqualTo("xpcc-3");
        String csv = http.get()
                .uri("/api/public/v1/datasets/fire-incidents?format=csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("id,lon,lat,county,corps_unit,first_detected_at");
        assertThat(csv)
                .contains("fp-20261020-a1b2c3d4e5,77.2031,38.4212,653125")
                .doesNotContain("INTERNAL-NOTE");

        http.get()
                .uri("/api/public/v1/datasets/fire-incidents?from=2024-01-01&to=2026-01-01")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("from");
    }

    private String csv(String uri) {
        return http.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void constructionSitesAreOpenDataWithTheirMonitorsAndPm10AsJsonCsvAndGeoJson() {
        JsonNode page = json("/api/public/v1/datasets/construction-sites");
        assertThat(page.get("licence").get("id").asString()).isNotBlank();
        assertThat(page.get("items")).hasSize(3);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("id").asString()).isEqualTo("site-0001");
        assertThat(first.get("monitorStatus").asString()).isEqualTo("monitored");
        assertThat(first.get("latestPm10").asDouble()).isEqualTo(182.44);
        assertThat(first.get("builder").asString()).isEqualTo("喀什城建集团");
        assertThat(first.has("creditCode")).isFalse();
        assertThat(json("/api/public/v1/datasets/construction-sites?county=xpcc-3")
                        .get("items"))
                .singleElement()
                .satisfies(s -> assertThat(s.get("id").asString()).isEqualTo("site-0003"));
        JsonNode paged = json("/api/public/v1/datasets/construction-sites?limit=2");
        assertThat(paged.get("items")).hasSize(2);
        assertThat(json("/api/public/v1/datasets/construction-sites?limit=2&cursor="
                                + paged.get("next").asString())
                        .get("items"))
                .singleElement()
                .satisfies(s -> assertThat(s.get("id").asString()).isEqualTo("site-0003"));
        JsonNode map = json("/api/public/v1/datasets/construction-sites?format=geojson");
        assertThat(map.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(map.at("/features/1/geometry/type").asString()).isEqualTo("Point");
        assertThat(map.at("/features/1/geometry/coordinates/0").asDouble()).isEqualTo(77.24);
        assertThat(map.at("/features/1/properties/monitorStatus").asString()).isEqualTo("silent");
        String csv = csv("/api/public/v1/datasets/construction-sites?format=csv");
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("id,project,builder,area_m2,phase,status,county,corps_unit,lon,lat,monitor_status,"
                        + "latest_pm10_ugm3,latest_hour");
        assertThat(csv)
                .contains("site-0002,莎车县城南小学,莎车建工,6200.0,structure,suspended,653125,,77.24,38.41,silent")
                .doesNotContain("PRIVATE");
        http.get()
                .uri("/api/public/v1/datasets/construction-sites?monitor=silent")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("monitor");
    }

    @Test
    void greenedAndSandClosureAreasAreOpenDataWithTheirOutlinesInGeoJson() {
        JsonNode page = json("/api/public/v1/datasets/green-areas");
        assertThat(page.get("items")).hasSize(2);
        JsonNode closure = page.get("items").get(0);
        assertThat(closure.get("id").asString()).isEqualTo("closure-01");
        assertThat(closure.get("kind").asString()).isEqualTo("closure");
        assertThat(closure.get("level").asString()).isEqualTo("national");
        assertThat(closure.get("programme").isNull()).isTrue();
        JsonNode project = page.get("items").get(1);
        assertThat(project.get("programme").asString()).isEqualTo("three-north");
        assertThat(project.get("survivalPercent").asDouble()).isEqualTo(86.4);
        assertThat(project.has("chiefCounty")).isFalse();
        assertThat(json("/api/public/v1/datasets/green-areas?kind=project").get("items"))
                .singleElement()
                .satisfies(a -> assertThat(a.get("id").asString()).isEqualTo("proj-01"));
        JsonNode map = json("/api/public/v1/datasets/green-areas?format=geojson&kind=project");
        assertThat(map.at("/features/0/geometry/type").asString()).isEqualTo("MultiPolygon");
        assertThat(map.at("/features/0/geometry/coordinates/0/0/0/0").asDouble())
                .isEqualTo(77.20);
        assertThat(map.at("/features/0/properties/hectares").asDouble()).isEqualTo(280.5);
        assertThat(csv("/api/public/v1/datasets/green-areas?format=csv&kind=project"))
                .startsWith("id,kind,name,programme,level,county,corps_unit,year,hectares,mu,survival_percent")
                .contains("proj-01,project,莎车县三北防护林2026年第1片,three-north,,653125,,2026,280.5,4207.5,86.4")
                .doesNotContain("PRIVATE");
        http.get()
                .uri("/api/public/v1/datasets/green-areas?kind=forest")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("kind");
    }

    @Test
    void inspectionStationsPassRatesAreOpenDataOverThePeriodMobileCounted() {
        JsonNode page = json("/api/public/v1/datasets/inspection-stations");
        assertThat(page.get("from").asString()).isEqualTo("2025-12-06T21:00:00Z");
        assertThat(page.get("to").asString()).isEqualTo("2026-12-06T21:00:00Z");
        assertThat(page.get("items")).hasSize(3);
        JsonNode suspicious = page.get("items").get(1);
        assertThat(suspicious.get("id").asString()).isEqualTo("ims-653125-02");
        assertThat(suspicious.get("passRate").asDouble()).isEqualTo(98.8);
        assertThat(suspicious.get("confirmedFraudCases").asLong()).isEqualTo(2);
        assertThat(page.get("items").get(2).get("passRate").isNull())
                .as("no tests")
                .isTrue();
        assertThat(page.get("items").get(0).has("updatedBy")).isFalse();
        assertThat(json("/api/public/v1/datasets/inspection-stations?county=653125")
                        .get("items"))
                .singleElement()
                .satisfies(s -> assertThat(s.get("id").asString()).isEqualTo("ims-653125-02"));
        // No address is known: a station is drawn as the county it lies in, with the map licence's attribution.
        JsonNode map = json("/api/public/v1/datasets/inspection-stations?format=geojson");
        assertThat(map.at("/features/0/geometry/type").asString()).isEqualTo("MultiPolygon");
        assertThat(map.at("/licence/attribution").asString()).contains("OpenStreetMap");
        assertThat(map.at("/features/1/properties/passRate").asDouble()).isEqualTo(98.8);
        assertThat(csv("/api/public/v1/datasets/inspection-stations?format=csv"))
                .startsWith("id,name,licence,unit,lanes,tests,passes,pass_rate_percent,confirmed_fraud_cases,"
                        + "period_from,period_to")
                .contains("ims-653101-01,喀什市机动车排放检验中心,XJ-JC-653101-01,653101,4,1200,1110,92.5,0,"
                        + "2025-12-06T21:00:00Z,2026-12-06T21:00:00Z")
                .doesNotContain("PRIVATE");
    }

    @Test
    void strawUseIsListedPerUnitAndSeasonWithTheTargetsSource() {
        JsonNode all = json("/api/public/v1/datasets/straw-use?season=2025-autumn");
        assertThat(UPSTREAM.lastQuery("/api/public/v1/straw/utilisation")).isEqualTo("season=2025-autumn");
        assertThat(all.get("items")).hasSize(2);
        JsonNode shache = all.get("items").get(0);
        assertThat(shache.get("unit").asString()).isEqualTo("653125");
        assertThat(shache.get("utilisationRate").asDouble()).isEqualTo(0.8485);
        assertThat(shache.get("meetsTarget").asBoolean()).isFalse();
        assertThat(shache.get("targetSource").asString()).contains("国发〔2023〕24号");
        assertThat(shache.has("updatedBy")).isFalse();
        assertThat(json("/api/public/v1/datasets/straw-use?county=xpcc-3").get("items"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("unit").asString()).isEqualTo("xpcc-3"));
        http.get()
                .uri("/api/public/v1/datasets/straw-use?season=2025-winter")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("season");
    }

    @Test
    void stationsCarryLatestAqiLicenceAndAttribution() {
        var result = http.get()
                .uri("/api/public/v1/datasets/stations")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueMatches("Link", ".*creativecommons.org/licenses/by/4.0.*rel=\"license\".*")
                .expectHeader()
                .exists(HttpHeaders.ETAG)
                .expectHeader()
                .exists(HttpHeaders.LAST_MODIFIED)
                .expectBody()
                .returnResult();
        JsonNode body = JSON.readTree(result.getResponseBody());
        assertThat(body.get("licence").get("id").asString()).isEqualTo("CC-BY-4.0");
        assertThat(body.get("licence").get("attribution").asString()).contains("© OpenStreetMap contributors");
        assertThat(body.get("items")).hasSize(8);
        JsonNode first = body.get("items").get(0);
        assertThat(first.get("id").asString()).isEqualTo("2698A");
        assertThat(first.get("latest").get("aqi").asInt()).isEqualTo(168);
        assertThat(first.get("latest").get("category").asInt()).isEqualTo(4);
        assertThat(first.get("latest").get("colour").asString()).isEqualTo("#FF0000");
    }

    @Test
    void answersNotModifiedToACurrentCopy() {
        var first = http.get()
                .uri("/api/public/v1/datasets/stations?format=csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        String etag = first.getResponseHeaders().getETag();
        long modified = first.getResponseHeaders().getLastModified();
        http.get()
                .uri("/api/public/v1/datasets/stations?format=csv")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectBody()
                .isEmpty();
        http.get()
                .uri("/api/public/v1/datasets/stations?format=csv")
                .ifModifiedSince(java.time.ZonedDateTime.ofInstant(
                        java.time.Instant.ofEpochMilli(modified), java.time.ZoneOffset.UTC))
                .exchange()
                .expectStatus()
                .isNotModified();
        http.get()
                .uri("/api/public/v1/datasets/stations?format=csv")
                .header(HttpHeaders.IF_NONE_MATCH, "\"other\"")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void stationsAsGeoJsonAndCsvFilteredByCountyAndBox() {
        JsonNode geo = json("/api/public/v1/datasets/stations?format=geojson&county=653101");
        assertThat(geo.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(geo.get("features")).hasSize(3);
        JsonNode point = geo.get("features").get(2).get("geometry");
        assertThat(point.get("type").asString()).isEqualTo("Point");
        assertThat(point.get("coordinates").get(0).asDouble()).isEqualTo(75.9538);
        // Corps units count under their division; the division is found by its id.
        assertThat(json("/api/public/v1/datasets/stations?county=xpcc-3").get("items"))
                .hasSize(1);
        assertThat(json("/api/public/v1/datasets/stations?bbox=77,37.5,78,38.5").get("items"))
                .extracting(n -> n.get("id").asString())
                .containsExactly("SC001", "YC001");
        String csv = http.get()
                .uri("/api/public/v1/datasets/stations")
                .accept(org.springframework.http.MediaType.parseMediaType("text/csv"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(csv.split("\r\n")).hasSize(9);
        assertThat(csv).startsWith("id,name_zh,name_en,kind,county").contains("2700A,市环境监测站");
    }

    @Test
    void pagesStationsByCursorWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page =
                    json("/api/public/v1/datasets/stations?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(i -> seen.add(i.get("id").asString()));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().hasSize(8);
    }

    @Test
    void badParametersGetProblemDetailsNamingEachOne() {
        JsonNode problem = JSON.readTree(http.get()
                .uri("/api/public/v1/datasets/stations?format=xml&county=999&bbox=1,2,3&limit=0&cursor=%25%25")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors"))
                .extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("format", "county", "bbox", "limit", "cursor");
        JsonNode dates = JSON.readTree(http.get()
                .uri(
                        "/api/public/v1/datasets/observations?from=2024-13-01&resolution=weekly&pollutant=pm25,lead&station=NOPE")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(dates.get("errors"))
                .extracting(e -> e.get("field").asString())
                .contains("from", "resolution", "pollutant");
        http.get()
                .uri("/api/public/v1/datasets/observations?station=NOPE&from=2024-01-01&to=2024-01-02")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("station");
        http.get()
                .uri("/api/public/v1/downloads/secrets/2024.csv")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("dataset");
        http.get()
                .uri("/api/public/v1/datasets/observations?from=2024-01-01&to=2024-03-01")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("to");
    }

    @Test
    void aYearOfDailyValuesForOneStationWithPollutantChoice() {
        JsonNode page = json("/api/public/v1/datasets/observations?station=2700A&resolution=daily&from=2024-01-01"
                + "&to=2024-12-31&pollutant=pm25,aqi");
        assertThat(page.get("items")).hasSize(366);
        JsonNode day = page.get("items").get(0);
        assertThat(day.get("day").asString()).isEqualTo("2024-01-01");
        assertThat(day.has("pm25")).isTrue();
        assertThat(day.has("aqi")).isTrue();
        assertThat(day.has("so2")).isFalse();
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("licence").get("url").asString()).contains("creativecommons");
    }

    @Test
    void pagesHourlyValuesAcrossStationsByCursor() {
        int rows = 0;
        String cursor = null;
        List<String> keys = new ArrayList<>();
        int guard = 0;
        do {
            JsonNode page =
                    json("/api/public/v1/datasets/observations?county=653101&from=2024-11-01&to=2024-11-02&limit=40"
                            + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items")
                    .forEach(i ->
                            keys.add(i.get("station").asString() + i.get("hour").asString()));
            rows += page.get("items").size();
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null && ++guard < 20);
        // Three Kashgar City stations, two days of 24 hours.
        assertThat(rows).isEqualTo(3 * 48);
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys.get(0)).startsWith("2698A");
        assertThat(keys.get(keys.size() - 1)).startsWith("2700A");
    }

    @Test
    void yearlyBulkDownloadsAreCsvAssembledFromTheOwners() {
        String daily = http.get()
                .uri("/api/public/v1/downloads/observations-daily/2024.csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .expectHeader()
                .valueMatches(HttpHeaders.CONTENT_DISPOSITION, ".*lantian-observations-daily-2024.csv.*")
                .expectHeader()
                .exists(HttpHeaders.ETAG)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String[] lines = daily.split("\r\n");
        assertThat(lines[0])
                .isEqualTo("station,day,aqi,pm25_ugm3,pm10_ugm3,so2_ugm3,no2_ugm3,co_mgm3,o3_ugm3,primary,flag");
        assertThat(http.get()
                        .uri("/api/public/v1/datasets/observations?station=2700A&from=2024-11-01&to=2024-11-01"
                                + "&format=csv")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody()
                        .lines()
                        .skip(8)
                        .findFirst()
                        .orElseThrow())
                .as("the eighth hour of the stand-in is flagged for maintenance")
                .endsWith(",invalid,M,maintenance");
        assertThat(lines).hasSize(1 + 8 * 366);
        String targets = http.get()
                .uri("/api/public/v1/downloads/targets/2024.csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(targets).contains("653100", "goodDayShare", "at-risk");
        String alerts = http.get()
                .uri("/api/public/v1/downloads/alerts/2024.csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(alerts.split("\r\n")).hasSize(3);
        JsonNode index = json("/api/public/v1/downloads");
        assertThat(index.get("items").get(0).get("url").asString()).startsWith("/api/public/v1/downloads/");
    }

    @Test
    void catalogueIsDcatApJsonLdWithAbsoluteIris() {
        var result = http.get()
                .uri("/api/public/v1/catalog")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("application/ld+json")
                .expectBody()
                .returnResult();
        JsonNode catalog = JSON.readTree(result.getResponseBody());
        assertThat(catalog.get("@type").asString()).isEqualTo("dcat:Catalog");
        assertThat(catalog.get("@context").get("dcat").asString()).isEqualTo("http://www.w3.org/ns/dcat#");
        assertThat(catalog.get("dcat:dataset").size()).isGreaterThanOrEqualTo(8);
        JsonNode stations = catalog.get("dcat:dataset").get(0);
        assertThat(stations.get("@type").asString()).isEqualTo("dcat:Dataset");
        JsonNode distribution = stations.get("dcat:distribution").get(0);
        assertThat(distribution.get("dcat:accessURL").get("@id").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/api/public/v1/datasets/stations");
        assertThat(distribution.get("dct:license").get("@id").asString()).contains("odbl");
        assertThat(result.getResponseBody())
                .asString()
                .doesNotContain("/api/public/v1/alerts\"")
                .doesNotContain("/api/public/v1/cases\"")
                .doesNotContain("/api/public/v1/targets/");
        assertThat(catalog.get("dct:license").get("@id").asString()).contains("creativecommons");
    }

    @Test
    void enterpriseDisclosuresWithClosedCasesAsJsonAndCsvPagedByCursor() {
        var result = http.get()
                .uri("/api/public/v1/datasets/enterprises?limit=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueMatches("Link", ".*rel=\"license\".*")
                .expectHeader()
                .exists(HttpHeaders.ETAG)
                .expectHeader()
                .exists(HttpHeaders.LAST_MODIFIED)
                .expectBody()
                .returnResult();
        JsonNode first = JSON.readTree(result.getResponseBody());
        assertThat(first.get("licence").get("id").asString()).isEqualTo("CC-BY-4.0");
        JsonNode cement = first.get("items").get(0);
        assertThat(cement.get("id").asString()).isEqualTo("ent-kashgar-cement-01");
        assertThat(cement.get("ultraLow").asString()).isEqualTo("completed");
        assertThat(cement.get("permits").get(0).get("number").asString()).isEqualTo("91653100MA7XYZ0001001P");
        assertThat(cement.get("exceedances").get(0).get("outletCode").asString())
                .isEqualTo("DA001");
        assertThat(cement.get("closedCases"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("outcome").asString()).startsWith("责令改正"));
        String next = first.get("next").asString();
        JsonNode second = json("/api/public/v1/datasets/enterprises?limit=1&cursor=" + next);
        assertThat(second.get("items"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("id").asString()).isEqualTo("ent-shache-power-02"));
        assertThat(second.get("next").isNull()).isTrue();
        http.get()
                .uri("/api/public/v1/datasets/enterprises")
                .header(
                        HttpHeaders.IF_NONE_MATCH,
                        http.get()
                                .uri("/api/public/v1/datasets/enterprises")
                                .exchange()
                                .expectBody()
                                .returnResult()
                                .getResponseHeaders()
                                .getETag())
                .exchange()
                .expectStatus()
                .isNotModified();

        String csv = http.get()
                .uri("/api/public/v1/datasets/enterprises?format=csv&county=653125")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(csv.lines()).hasSize(2).first().asString().startsWith("id,name,industry,county");
        assertThat(csv).contains("ent-shache-power-02,莎车某热电厂,power,653125,,started,");

        JsonNode cases = json("/api/public/v1/datasets/cases");
        assertThat(cases.get("items"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("caseId").asString()).isEqualTo("case-0007"));
        http.get()
                .uri("/api/public/v1/datasets/cases?format=xml&cursor=%25")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(p -> assertThat(p.toString()).contains("format", "cursor"));
    }

    @Test
    void alertsCurrentAndPastAsJsonAndCsvByCounty() {
        JsonNode all = json("/api/public/v1/datasets/alerts");
        assertThat(all.get("licence").get("id").asString()).isEqualTo("CC-BY-4.0");
        assertThat(all.get("items"))
                .extracting(a -> a.get("id").asString())
                .containsExactly("alert-653101-20240402", "alert-653126-20241110");
        String csv = http.get()
                .uri("/api/public/v1/datasets/alerts?format=csv&county=653126")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists(HttpHeaders.ETAG)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(csv.lines()).hasSize(2).last().asString().startsWith("alert-653126-20241110,653126,orange,");
    }

    @Test
    void oneOpenApiDocumentDescribesWhatThePortalServes() {
        JsonNode api = json("/api/public/v1/openapi");
        assertThat(api.get("openapi").asString()).startsWith("3.");
        assertThat(api.get("info").get("version").asString()).isEqualTo("v1");
        assertThat(api.get("info").get("license").get("identifier").asString()).isEqualTo("CC-BY-4.0");
        assertThat(api.get("paths").propertyNames())
                .contains(
                        "/api/public/v1/catalog",
                        "/api/public/v1/datasets/stations",
                        "/api/public/v1/datasets/observations",
                        "/api/public/v1/downloads/{dataset}/{file}",
                        "/api/public/v1/live",
                        "/api/public/v1/licence",
                        "/api/public/v1/datasets/enterprises",
                        "/api/public/v1/datasets/cases",
                        "/api/public/v1/datasets/alerts",
                        "/api/public/v1/parameters",
                        "/api/public/v1/datasets/stations/{id}/latest");
        JsonNode observations =
                api.get("paths").get("/api/public/v1/datasets/observations").get("get");
        observations.get("parameters").forEach(p -> {
            String name = p.get("name").asString();
            if (name.equals("limit")) {
                assertThat(p.get("schema").get("type").asString()).isEqualTo("integer");
            }
            if (name.equals("resolution")) {
                assertThat(p.get("schema").get("enum"))
                        .extracting(JsonNode::asString)
                        .containsExactly("hourly", "daily");
            }
        });
        assertThat(observations.get("tags")).extracting(JsonNode::asString).containsExactly("datasets");
        assertThat(observations.get("responses").propertyNames()).contains("200", "304", "400", "429", "502");
        assertThat(api.get("paths")
                        .get("/api/public/v1/datasets/stations/{id}/latest")
                        .get("get")
                        .get("responses")
                        .propertyNames())
                .contains("404");
    }

    @Test
    void theOpenApiDocumentKeepsEveryPathAndParameterOfV1() throws Exception {
        JsonNode paths = json("/api/public/v1/openapi").get("paths");
        List<String> promised;
        try (var in = getClass().getResourceAsStream("/openapi-v1.txt")) {
            promised = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        }
        assertThat(promised).hasSizeGreaterThan(5);
        for (String line : promised) {
            String[] words = line.split(" ");
            JsonNode get = paths.path(words[0]).path("get");
            assertThat(get.isObject()).as(words[0]).isTrue();
            List<String> names = new ArrayList<>();
            get.path("parameters").forEach(p -> names.add(p.get("name").asString()));
            assertThat(names).as(words[0]).containsAll(List.of(words).subList(1, words.length));
        }
    }

    @Test
    void pagesAreServedWithTheLicenceHeaderAndTheMapAttribution() {
        String home = http.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueMatches("Link", ".*rel=\"license\".*")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(home)
                .contains("© OpenStreetMap contributors", "<svg class=\"map\"", "data-station=\"2700A\"")
                .contains("lang=\"zh\"");
        assertThat(http.get()
                        .uri("/?lang=en")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .valueMatches(HttpHeaders.SET_COOKIE, "lang=en.*")
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("Kashgar Prefecture air quality now", "lang=\"en\"");
        assertThat(http.get()
                        .uri("/?lang=ug")
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("dir=\"rtl\"", "قەشقەر");
        assertThat(HttpStatus.OK).isNotNull();
    }

    @Test
    void unknownQueryParametersAreRefusedNamingTheKnownOnes() {
        JsonNode problem = JSON.readTree(http.get()
                .uri("/api/public/v1/datasets/observations?stations=2700A")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(problem.get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("field").asString()).isEqualTo("stations");
            assertThat(e.get("reason").asString()).contains("station", "county", "from", "to", "pollutant", "cursor");
        });
        for (String uri : List.of(
                "/api/public/v1/datasets/stations?page=2",
                "/api/public/v1/datasets/cases?sort=id",
                "/api/public/v1/datasets/alerts?lang=en",
                "/api/public/v1/downloads?year=2024",
                "/api/public/v1/downloads/alerts/2024.csv?county=653101")) {
            http.get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].reason")
                    .value(r -> assertThat(r.toString()).contains("known"));
        }
    }

    @Test
    void aPageCutByItsLimitSaysSoWithALinkToTheNextInCsvToo() {
        // Three Kashgar City stations, 30 days of 24 hours: more than the default limit of 1,000 rows.
        String uri = "/api/public/v1/datasets/observations?county=653101&from=2024-11-01&to=2024-11-30&format=csv";
        List<String> rows = new ArrayList<>();
        int pages = 0;
        while (uri != null && pages < 10) {
            var result = http.get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult();
            List<String> lines = result.getResponseBody().lines().toList();
            assertThat(lines.get(0)).startsWith("station,hour,");
            rows.addAll(lines.subList(1, lines.size()));
            uri = next(result.getResponseHeaders());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(rows).hasSize(3 * 30 * 24).doesNotHaveDuplicates();
        // JSON pages carry the same link beside their 'next'; the last page has none.
        var first = http.get()
                .uri("/api/public/v1/datasets/stations?limit=5")
                .exchange()
                .expectBody()
                .returnResult();
        assertThat(next(first.getResponseHeaders()))
                .contains(
                        "limit=5",
                        "cursor="
                                + JSON.readTree(first.getResponseBody())
                                        .get("next")
                                        .asString());
        assertThat(next(http.get()
                        .uri("/api/public/v1/datasets/stations?limit=50")
                        .exchange()
                        .expectBody()
                        .returnResult()
                        .getResponseHeaders()))
                .isNull();
        var cases = http.get()
                .uri("/api/public/v1/datasets/enterprises?limit=1&format=csv")
                .exchange()
                .expectBody()
                .returnResult();
        assertThat(next(cases.getResponseHeaders())).contains("cursor=");
    }

    private static String next(HttpHeaders headers) {
        return headers.getOrEmpty("Link").stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",\\s*(?=<)")))
                .filter(l -> l.endsWith("rel=\"next\""))
                .map(l -> l.substring(1, l.indexOf('>')))
                .findFirst()
                .orElse(null);
    }

    @Test
    void theCataloguesPeriodsAndFrequenciesAreThoseOfTheData() {
        Map<String, JsonNode> datasets = new java.util.HashMap<>();
        json("/api/public/v1/catalog")
                .get("dcat:dataset")
                .forEach(d -> datasets.put(d.get("dct:identifier").asString(), d));
        java.util.function.Function<String, String> start = id -> datasets.get(id)
                .path("dct:temporal")
                .path("dcat:startDate")
                .path("@value")
                .asString();
        // The stand-in's stations report from FIRST_DAY on: the data's first day is there, the day before is empty.
        String first = UpstreamStub.FIRST_DAY.toString();
        String before = UpstreamStub.FIRST_DAY.minusDays(1).toString();
        assertThat(start.apply("observations-hourly")).isEqualTo(first);
        assertThat(start.apply("observations-daily")).isEqualTo(first);
        JsonNode days = json("/api/public/v1/datasets/observations?station=2700A&resolution=daily&from=" + before
                + "&to=" + UpstreamStub.FIRST_DAY.plusDays(2));
        assertThat(days.get("items").get(0).get("day").asString()).isEqualTo(first);
        // Targets are evaluated from the first year with observations; alerts from the first alert's day.
        assertThat(start.apply("targets")).isEqualTo(UpstreamStub.FIRST_DAY.getYear() + "-01-01");
        assertThat(start.apply("alerts")).isEqualTo("2024-04-02");
        // Green areas from the first designation or planting year; pass rates over exactly the year mobile counted
        // (Beijing days); construction sites are a snapshot and claim no period.
        assertThat(start.apply("green-areas")).isEqualTo("2019-01-01");
        assertThat(start.apply("inspection-stations")).isEqualTo("2025-12-07");
        assertThat(datasets.get("inspection-stations")
                        .at("/dct:temporal/dcat:endDate/@value")
                        .asString())
                .isEqualTo("2026-12-07");
        assertThat(datasets.get("construction-sites").has("dct:temporal")).isFalse();
        assertThat(datasets.get("construction-sites")
                        .get("dct:accrualPeriodicity")
                        .get("@id")
                        .asString())
                .endsWith("/HOURLY");
        // The declared frequencies are the data's steps: an hour apart in the hourly set, a day apart in the daily.
        assertThat(datasets.get("observations-hourly")
                        .get("dct:accrualPeriodicity")
                        .get("@id")
                        .asString())
                .endsWith("/HOURLY");
        assertThat(datasets.get("observations-daily")
                        .get("dct:accrualPeriodicity")
                        .get("@id")
                        .asString())
                .endsWith("/DAILY");
        List<java.time.Instant> hours = new ArrayList<>();
        json("/api/public/v1/datasets/observations?station=2700A&resolution=hourly&from=2024-11-10&to=2024-11-11")
                .get("items")
                .forEach(i -> hours.add(java.time.Instant.parse(i.get("hour").asString())));
        assertThat(hours).hasSizeGreaterThan(24);
        for (int i = 1; i < hours.size(); i++) {
            assertThat(java.time.Duration.between(hours.get(i - 1), hours.get(i)))
                    .isEqualTo(java.time.Duration.ofHours(1));
        }
        List<java.time.LocalDate> dayList = new ArrayList<>();
        json("/api/public/v1/datasets/observations?station=2700A&resolution=daily&from=2024-10-01&to=2024-10-31")
                .get("items")
                .forEach(i -> dayList.add(java.time.LocalDate.parse(i.get("day").asString())));
        assertThat(dayList).hasSize(31);
        for (int i = 1; i < dayList.size(); i++) {
            assertThat(dayList.get(i)).isEqualTo(dayList.get(i - 1).plusDays(1));
        }
    }

    @Test
    void withoutDatesAStationAnswersItsLatestDayInUtcHoursLabelledByTheirEnd() {
        JsonNode page = json("/api/public/v1/datasets/observations?station=2700A");
        // The station's latest hour is 2024-11-12T01:00Z (09:00 Beijing): its Beijing day, 24 hours.
        assertThat(page.get("items")).hasSize(24);
        assertThat(page.get("items"))
                .extracting(i -> i.get("hour").asString())
                .contains("2024-11-12T01:00:00Z")
                .allMatch(h -> h.endsWith("Z"));
        assertThat(page.get("items").get(0).get("hour").asString()).isEqualTo("2024-11-11T17:00:00Z");
        assertThat(page.get("times").asString()).contains("UTC", "labelled by its end");
        JsonNode daily = json("/api/public/v1/datasets/observations?station=2700A&resolution=daily");
        assertThat(daily.get("items")).hasSize(30);
        assertThat(daily.get("items").get(29).get("day").asString()).isEqualTo("2024-11-12");
        assertThat(daily.get("times").asString()).contains("Beijing");
    }

    @Test
    void fromAndToAcceptIsoDateTimes() {
        JsonNode page = JSON.readTree(http.get()
                .uri(java.net.URI.create("http://127.0.0.1:" + port
                        + "/api/public/v1/datasets/observations?station=2700A&from=2024-11-01T00:00:00Z"
                        + "&to=2024-11-01T13:00:00%2B08:00"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(page.get("items"))
                .extracting(i -> i.get("hour").asString())
                .containsExactly(
                        "2024-11-01T00:00:00Z",
                        "2024-11-01T01:00:00Z",
                        "2024-11-01T02:00:00Z",
                        "2024-11-01T03:00:00Z",
                        "2024-11-01T04:00:00Z",
                        "2024-11-01T05:00:00Z");
        http.get()
                .uri("/api/public/v1/datasets/observations?station=2700A&from=2024-11-01T25:00:00Z")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("from");
    }

    @Test
    void bulkDownloadsAreGzippedOnRequestAndServeByteRanges() throws Exception {
        byte[] plain = http.get()
                .uri("/api/public/v1/downloads/observations-daily/2024.csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
                .expectHeader()
                .doesNotExist(HttpHeaders.CONTENT_ENCODING)
                .expectBody()
                .returnResult()
                .getResponseBody();
        // The JDK's client leaves the body as sent (the reactive client would inflate it on its own).
        var zipped = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                                        + "/api/public/v1/downloads/observations-daily/2024.csv"))
                                .header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
        assertThat(zipped.headers().firstValue(HttpHeaders.VARY))
                .hasValueSatisfying(v -> assertThat(v).contains("Accept-Encoding"));
        assertThat(zipped.body().length).isLessThan(plain.length / 3);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        var identity = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                                        + "/api/public/v1/downloads/observations-daily/2024.csv"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(identity.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
        assertThat(identity.body()).isEqualTo(plain);
        assertThat(zipped.headers().firstValue(HttpHeaders.ETAG).orElseThrow())
                .isNotEqualTo(identity.headers().firstValue(HttpHeaders.ETAG).orElseThrow());
        byte[] part = http.get()
                .uri("/api/public/v1/downloads/observations-daily/2024.csv")
                .header(HttpHeaders.RANGE, "bytes=100-199")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.PARTIAL_CONTENT)
                .expectHeader()
                .valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 100-199/" + plain.length)
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(plain, 100, 200));
    }

    @Test
    void downloadsListOnlyYearsThatHaveData() {
        JsonNode items = json("/api/public/v1/downloads").get("items");
        int thisYear =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        List<Integer> daily = new ArrayList<>();
        List<Integer> alerts = new ArrayList<>();
        items.forEach(i -> {
            if (i.get("dataset").asString().equals("observations-daily")) {
                daily.add(i.get("year").asInt());
            } else if (i.get("dataset").asString().equals("alerts")) {
                alerts.add(i.get("year").asInt());
            }
        });
        assertThat(daily).first().isEqualTo(thisYear);
        assertThat(daily).last().isEqualTo(UpstreamStub.FIRST_DAY.getYear());
        assertThat(daily).hasSize(thisYear - UpstreamStub.FIRST_DAY.getYear() + 1);
        assertThat(alerts).containsExactly(2024);
    }

    @Test
    void parametersNameUnitsAveragingAndTheLimitsInForce() {
        JsonNode answer = json("/api/public/v1/parameters");
        java.time.LocalDate today = java.time.LocalDate.parse(answer.get("asOf").asString());
        assertThat(answer.get("items"))
                .extracting(p -> p.get("id").asString())
                .containsExactly("aqi", "pm25", "pm10", "so2", "no2", "co", "o3");
        answer.get("items").forEach(p -> {
            assertThat(p.get("unit").asString()).as(p.get("id").asString()).isNotBlank();
            p.get("limitsInForce").forEach(l -> {
                assertThat(l.get("from").isNull()
                                || !java.time.LocalDate.parse(l.get("from").asString())
                                        .isAfter(today))
                        .isTrue();
                assertThat(l.get("to").isNull()
                                || !java.time.LocalDate.parse(l.get("to").asString())
                                        .isBefore(today))
                        .isTrue();
            });
        });
        JsonNode pm25 = answer.get("items").get(1);
        assertThat(pm25.get("limitsInForce"))
                .extracting(l -> l.get("averaging").asString())
                .contains("24-hour", "annual");
        assertThat(answer.get("flags"))
                .extracting(f -> f.get("code").asString())
                .contains("N", "M", "D");
        JsonNode hourly = json("/api/public/v1/datasets/observations?station=2700A&from=2024-11-01&to=2024-11-01");
        assertThat(hourly.get("units").get("o3").asString()).isEqualTo("ug/m3");
        assertThat(hourly.get("units").get("co").asString()).isEqualTo("mg/m3");
        assertThat(hourly.get("averaging").get("o3").asString()).isEqualTo("1-hour mean");
        JsonNode flagged = hourly.get("items").get(7);
        assertThat(flagged.get("flag").asString()).isEqualTo("invalid");
        assertThat(flagged.get("quality").asString()).isEqualTo("M");
        assertThat(flagged.get("qualityReason").asString()).isEqualTo("maintenance");
        assertThat(hourly.get("items").get(0).get("quality").asString()).isEqualTo("N");
        assertThat(hourly.get("items").get(0).get("qualityReason").isNull()).isTrue();
        assertThat(
                        json("/api/public/v1/datasets/observations?station=2700A&resolution=daily&from=2024-11-01&to=2024-11-01")
                                .get("averaging")
                                .get("o3")
                                .asString())
                .isEqualTo("daily maximum 8-hour mean");
    }

    @Test
    void aStationsLatestHourCarriesEveryConcentrationWithUnits() {
        JsonNode latest = json("/api/public/v1/datasets/stations/2700A/latest");
        assertThat(latest.get("hour").asString()).isEqualTo("2024-11-12T01:00:00Z");
        for (String p : List.of("pm25", "pm10", "so2", "no2", "co", "o3")) {
            assertThat(latest.get(p).isNumber()).as(p).isTrue();
            assertThat(latest.get("units").get(p).asString()).as(p).isNotBlank();
        }
        assertThat(latest.get("aqi").isInt()).isTrue();
        http.get()
                .uri("/api/public/v1/datasets/stations/NOPE/latest")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json");
        assertThat(json("/api/public/v1/datasets/stations")
                        .get("items")
                        .get(0)
                        .get("timeZone")
                        .asString())
                .isEqualTo("Asia/Shanghai");
        // What the owner knows of a station travels with it; what it does not know is null, not guessed.
        JsonNode stations = json("/api/public/v1/datasets/stations").get("items");
        JsonNode known = null;
        JsonNode unknown = null;
        for (JsonNode s : stations) {
            known = "2700A".equals(s.get("id").asString()) ? s : known;
            unknown = "2698A".equals(s.get("id").asString()) ? s : unknown;
        }
        assertThat(known.get("nameUg").asString()).isEqualTo("شەھەرلىك مۇھىت كۆزىتىش پونكىتى");
        assertThat(known.get("elevationM").asDouble()).isEqualTo(1289.0);
        assertThat(known.get("operatingSince").asString()).isEqualTo("2013-01-01");
        assertThat(known.get("operator").asString()).isEqualTo("STAND-IN operator");
        assertThat(unknown.get("elevationM").isNull()).isTrue();
        assertThat(unknown.get("operator").isNull()).isTrue();
    }

    @Test
    void theCatalogueWalksToEveryDistributionAtThePublicAddressWithItsDeclaredMediaType() throws Exception {
        JsonNode catalog = JSON.readTree(http.get()
                .uri("/api/public/v1/catalog")
                .header("X-Forwarded-Host", "open.lantian.example")
                .header("X-Forwarded-Proto", "https")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        String base = "https://open.lantian.example";
        assertThat(catalog.get("@id").asString()).isEqualTo(base + "/api/public/v1/catalog");
        int walked = 0;
        for (JsonNode dataset : catalog.get("dcat:dataset")) {
            for (JsonNode distribution : dataset.get("dcat:distribution")) {
                String declared = distribution
                        .get("dcat:mediaType")
                        .get("@id")
                        .asString()
                        .replace("https://www.iana.org/assignments/media-types/", "");
                for (String link : List.of("dcat:accessURL", "dcat:downloadURL")) {
                    if (!distribution.has(link)) {
                        continue;
                    }
                    String iri = distribution.get(link).get("@id").asString();
                    assertThat(iri).as(dataset.get("dct:identifier").asString()).startsWith(base + "/api/public/v1/");
                    String path = iri.substring(base.length());
                    if (declared.equals("text/event-stream")) {
                        // A stream never ends: its status and type are enough.
                        var answer = java.net.http.HttpClient.newHttpClient()
                                .send(
                                        java.net.http.HttpRequest.newBuilder(
                                                        java.net.URI.create("http://127.0.0.1:" + port + path))
                                                .build(),
                                        java.net.http.HttpResponse.BodyHandlers.ofInputStream());
                        answer.body().close();
                        assertThat(answer.statusCode()).as(path).isEqualTo(200);
                        assertThat(answer.headers().firstValue("Content-Type"))
                                .as(path)
                                .hasValueSatisfying(t -> assertThat(t).startsWith(declared));
                    } else {
                        http.get()
                                .uri(path)
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectHeader()
                                .contentTypeCompatibleWith(org.springframework.http.MediaType.parseMediaType(declared));
                    }
                    walked++;
                }
            }
        }
        // With the construction sites, green areas and inspection stations, three formats each.
        assertThat(walked).isGreaterThanOrEqualTo(27);
    }

    @Test
    void theOpenDataPageAndTheOpenApiServerUseThePublicAddress() {
        String page = http.get()
                .uri("/open-data?lang=en")
                .header("X-Forwarded-Host", "open.lantian.example")
                .header("X-Forwarded-Proto", "https")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page)
                .contains("https://open.lantian.example/api/public/v1/datasets/stations")
                .doesNotContain("127.0.0.1");
        JsonNode api = JSON.readTree(http.get()
                .uri("/api/public/v1/openapi")
                .header("X-Forwarded-Host", "open.lantian.example")
                .header("X-Forwarded-Proto", "https")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(api.get("servers").get(0).get("url").asString()).isEqualTo("https://open.lantian.example");
    }
}
