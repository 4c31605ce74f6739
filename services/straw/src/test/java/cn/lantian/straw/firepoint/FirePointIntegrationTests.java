package cn.lantian.straw.firepoint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.straw.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FirePointIntegrationTests extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private WebTestClient.ResponseSpec upload(DemoIdentity who, String csv) {
        return http.post()
                .uri("/api/straw/v1/fire-points")
                .header("Authorization", token(who))
                .contentType(CSV)
                .bodyValue(csv)
                .exchange();
    }

    private ImportReport imported(DemoIdentity who, String csv) {
        return upload(who, csv)
                .expectStatus()
                .isOk()
                .expectBody(ImportReport.class)
                .returnResult()
                .getResponseBody();
    }

    private JsonNode incident(DemoIdentity who, String id) {
        return JSON.readTree(http.get()
                .uri("/api/straw/v1/incidents/{id}", id)
                .header("Authorization", token(who))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    @Test
    void bothDialectsAreImportedAndDetectionsOfOneFireByTwoSatellitesMakeOneIncident() {
        double[] near = {SHACHE[0] + 0.004, SHACHE[1] + 0.002}; // about 0.4 km away
        ImportReport modis = imported(
                DemoIdentity.AGRI_PREFECTURE, MODIS + modis(SHACHE, "Terra", "0542") + modis(AKSU, "Terra", "0542"));

        assertThat(modis.dialect()).isEqualTo("MODIS");
        assertThat(modis.accepted()).isEqualTo(1);
        assertThat(modis.skipped()).containsEntry("outside-prefecture", 1);
        assertThat(modis.results())
                .extracting(RowResult::line, RowResult::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "accepted"),
                        org.assertj.core.groups.Tuple.tuple(3, "skipped"));
        String id = modis.incidents().get(0);

        ImportReport viirs = imported(
                DemoIdentity.AGRI_PREFECTURE,
                VIIRS + viirs(near, "N", "0812", 0) + viirs(BACHU, "N", "0812", 2) + "1,2,3\n");

        assertThat(viirs.dialect()).isEqualTo("VIIRS");
        assertThat(viirs.merged()).isEqualTo(1);
        assertThat(viirs.results().get(0)).isEqualTo(new RowResult(2, "merged", id, null));
        assertThat(viirs.results().get(1)).isEqualTo(new RowResult(3, "skipped", null, "type-2-static-land-source"));
        assertThat(viirs.results().get(2).status()).isEqualTo("rejected");
        assertThat(viirs.rejected()).isEqualTo(1);

        JsonNode stored = incident(DemoIdentity.AGRI_PREFECTURE, id);
        assertThat(stored.at("/incident/detections").asInt()).isEqualTo(2);
        assertThat(stored.at("/incident/satellites").toString()).contains("N", "Terra");
        assertThat(stored.at("/incident/jurisdiction").asString()).isEqualTo("653125");
        assertThat(stored.get("detections")).hasSize(2);

        // One event for the new incident, with its source detection; the later merge raises nothing new.
        List<String> detected = events("lantian.straw.fire-point-detected.v1", "fire-point/" + id);
        assertThat(detected)
                .singleElement()
                .asString()
                .contains(
                        "\"jurisdiction\":\"653125\"",
                        "\"agency\":\"agriculture\"",
                        "\"source\":\"satellite\"",
                        "\"detections\":[{\"satellite\":\"Terra\"",
                        "\"acquiredAt\":\"" + day + "T05:42:00Z\"");
    }

    @Test
    void theSameFileImportedTwiceOpensNothingNew() {
        String csv = MODIS + modis(SHACHE, "Aqua", "0830");
        assertThat(imported(DemoIdentity.AGRI_PREFECTURE, csv).accepted()).isEqualTo(1);
        ImportReport again = imported(DemoIdentity.AGRI_PREFECTURE, csv);
        assertThat(again.accepted()).isZero();
        assertThat(again.skipped()).containsEntry("already-imported", 1);
    }

    @Test
    void pointsOnACountyBorderAndInACorpsUnitArePlacedByTheReferenceData() {
        double[] border = {(77.4662 + 77.464743) / 2, (38.222187 + 38.237686) / 2};
        ImportReport report = imported(
                DemoIdentity.AGRI_PREFECTURE, MODIS + modis(border, "Terra", "0500") + modis(TUMXUK, "Terra", "0500"));
        assertThat(report.accepted()).isEqualTo(2);

        JsonNode onBorder =
                incident(DemoIdentity.AGRI_PREFECTURE, report.results().get(0).incidentId());
        assertThat(onBorder.at("/incident/jurisdiction").asString()).isIn("653124", "653125");
        JsonNode inCorps =
                incident(DemoIdentity.AGRI_PREFECTURE, report.results().get(1).incidentId());
        assertThat(inCorps.at("/incident/jurisdiction").asString()).isEqualTo("653130");
        assertThat(inCorps.at("/incident/corpsUnit").asString()).isEqualTo("xpcc-3");
        assertThat(inCorps.at("/incident/assignedTo").asString())
                .as("the regiment patrols Corps land")
                .isEqualTo("xpcc-3");
        assertThat(events(
                        "lantian.straw.fire-point-detected.v1",
                        "fire-point/" + report.results().get(1).incidentId()))
                .singleElement()
                .asString()
                .contains("\"corpsunit\":\"xpcc-3\"", "\"sharing\":\"joint\"");
    }

    @Test
    void aCountyOfficerImportsAndSeesOnlyTheirCounty() {
        ImportReport report = imported(
                DemoIdentity.AGRI_SHACHE, MODIS + modis(SHACHE, "Terra", "0600") + modis(BACHU, "Terra", "0600"));
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.results().get(1).reason()).isEqualTo("outside-your-jurisdiction");
        String shache = report.incidents().get(0);
        String bachu = imported(DemoIdentity.AGRI_PREFECTURE, MODIS + modis(BACHU, "Terra", "0600"))
                .incidents()
                .get(0);

        // Ecology reads too, filtered by its jurisdiction; a record elsewhere answers as one that does not exist.
        incident(DemoIdentity.ECO_SHACHE, shache);
        http.get()
                .uri("/api/straw/v1/incidents/{id}", bachu)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/straw/v1/incidents/{id}", "fp-none")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isNotFound();
        incident(DemoIdentity.ECO_BACHU, bachu);

        List<String> listed = http
                .get()
                .uri(
                        "/api/straw/v1/incidents?from={f}&to={t}&limit=500",
                        day + "T00:00:00Z",
                        day.plusDays(1) + "T00:00:00Z")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody()
                .entrySet()
                .stream()
                .filter(e -> e.getKey().equals("items"))
                .flatMap(e -> ((List<?>) e.getValue()).stream())
                .map(i -> (String) ((Map<?, ?>) i).get("id"))
                .toList();
        assertThat(listed).contains(shache).doesNotContain(bachu);
    }

    @Test
    void incidentsArePagedByCursorAndFilteredByJurisdictionAndStatus() {
        // Four fires of this test's day, kilometres apart: three in Shache, one in Bachu.
        double[] east = {SHACHE[0] + 0.05, SHACHE[1]};
        double[] north = {SHACHE[0], SHACHE[1] + 0.05};
        ImportReport report = imported(
                DemoIdentity.AGRI_PREFECTURE,
                MODIS
                        + modis(SHACHE, "Terra", "0500")
                        + modis(east, "Terra", "0500")
                        + modis(north, "Terra", "0500")
                        + modis(BACHU, "Terra", "0500"));
        assertThat(report.accepted()).isEqualTo(4);
        List<String> shache = report.incidents().stream()
                .filter(id -> !incident(DemoIdentity.AGRI_PREFECTURE, id)
                        .at("/incident/jurisdiction")
                        .asString()
                        .equals("653130"))
                .sorted()
                .toList();
        assertThat(shache).hasSize(3);

        // Earlier runs may have left incidents on the same day in the test database: only this test's are compared.
        String range = "from=" + day + "T00:00:00Z&to=" + day.plusDays(1) + "T00:00:00Z";
        List<String> paged = new java.util.ArrayList<>();
        String after = null;
        do {
            JsonNode page =
                    list(DemoIdentity.AGRI_PREFECTURE, range + "&limit=2" + (after == null ? "" : "&after=" + after));
            List<String> items = ids(page);
            assertThat(items).hasSizeLessThanOrEqualTo(2);
            JsonNode next = page.path("next");
            after = next.isMissingNode() || next.isNull() ? null : next.asString();
            if (after != null) {
                assertThat(items).hasSize(2).last().isEqualTo(after);
            }
            paged.addAll(items);
        } while (after != null);
        assertThat(paged).as("pages in id order, none twice").isSorted().doesNotHaveDuplicates();
        assertThat(paged).containsAll(report.incidents());

        assertThat(ours(list(DemoIdentity.AGRI_PREFECTURE, range + "&jurisdiction=653125"), report))
                .containsExactlyElementsOf(shache);
        assertThat(ours(list(DemoIdentity.AGRI_PREFECTURE, range + "&status=open"), report))
                .containsExactlyInAnyOrderElementsOf(report.incidents());
        assertThat(ours(list(DemoIdentity.AGRI_PREFECTURE, range + "&status=handled"), report))
                .isEmpty();
        assertThat(ours(list(DemoIdentity.AGRI_PREFECTURE, range + "&verdict=false-alarm"), report))
                .isEmpty();
        // A county's officer sees only the county's, whatever the filter asks for.
        assertThat(ours(list(DemoIdentity.AGRI_SHACHE, range), report)).containsExactlyElementsOf(shache);
        assertThat(ids(list(DemoIdentity.AGRI_SHACHE, range + "&jurisdiction=653130")))
                .isEmpty();
    }

    private static List<String> ours(JsonNode page, ImportReport report) {
        return ids(page).stream().filter(report.incidents()::contains).toList();
    }

    private JsonNode list(DemoIdentity who, String query) {
        return JSON.readTree(http.get()
                .uri("/api/straw/v1/incidents?" + query)
                .header("Authorization", token(who))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    @Test
    void onlyAgricultureImportsAndBadUploadsAnswerTheProblemShape() {
        upload(DemoIdentity.ECO_SHACHE, MODIS + modis(SHACHE, "Terra", "0600"))
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/straw/v1/fire-points")
                .contentType(CSV)
                .bodyValue(MODIS)
                .exchange()
                .expectStatus()
                .isUnauthorized();

        upload(DemoIdentity.AGRI_SHACHE, "lat,lon\n1,2\n")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("about:blank")
                .jsonPath("$.title")
                .isEqualTo("Bad Request")
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.instance")
                .isEqualTo("/api/straw/v1/fire-points")
                .jsonPath("$.errors[0].field")
                .isEqualTo("header")
                .jsonPath("$.errors[0].reason")
                .isEqualTo("needs brightness (MODIS) or bright_ti4 (VIIRS)");

        http.post()
                .uri("/api/straw/v1/fire-points")
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Unsupported Media Type")
                .jsonPath("$.detail")
                .value(d -> assertThat(String.valueOf(d)).doesNotContain("Exception", "java"));

        http.get()
                .uri("/api/straw/v1/incidents?limit=abc&status=burning")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
        http.get()
                .uri("/api/straw/v1/incidents?status=burning")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("status");
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedWith413() {
        String big = MODIS + "#" + "x".repeat(17 * 1024 * 1024) + "\n";
        upload(DemoIdentity.AGRI_SHACHE, big)
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(413);
    }
}
