package cn.lantian.greening.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.greening.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ProjectIntegrationTests extends IntegrationTest {

    private static final Map<String, Object> SHACHE = box(77.0, 38.31, 77.02, 38.33);
    private static final Map<String, Object> MAIGAITI = box(78.22, 38.83, 78.24, 38.85);
    private static final Map<String, Object> TUMXUK = box(79.15, 39.86, 79.17, 39.88);
    /** Across the Shache-Maigaiti border, mostly on the Shache side. */
    private static final Map<String, Object> ACROSS = box(77.51, 38.64, 77.56, 38.66);

    @Test
    void aProjectShowsBothUnitsAndRaisesAreaGreenedForItsPlanting() {
        Map<?, ?> body = http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(project("三北防护林 跨界", ACROSS))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(body.get("jurisdiction")).isEqualTo("653125");
        assertThat(body.get("planned")).isEqualTo(Map.of("hectares", 10.0, "mu", 150.0));
        assertThat(body.get("planted")).isEqualTo(Map.of("hectares", 6.0, "mu", 90.0));
        assertThat((List<Map<String, Object>>) body.get("shares"))
                .extracting(s -> s.get("unit"))
                .containsExactly("653125", "653127");
        String id = body.get("id").toString();
        assertThat(events("lantian.greening.area-greened.v1", "project/" + id))
                .singleElement()
                .asString()
                .contains(
                        "\"kind\":\"afforestation\"",
                        "\"hectares\":6.0",
                        "\"jurisdiction\":\"653125\"",
                        "\"sharing\":\"crossboundary\"",
                        "\"partners\":\"653127\"");

        // Planting more raises the event again with the area to date; Maigaiti, which shares the boundary, still
        // cannot change or see the Shache project.
        http.post()
                .uri("/api/greening/v1/projects/" + id + "/planting")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(Map.of("planted", Map.of("value", 150, "unit", "mu")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.planted.hectares")
                .isEqualTo(10.0);
        assertThat(events("lantian.greening.area-greened.v1", "project/" + id)).hasSize(2);
        http.post()
                .uri("/api/greening/v1/projects/" + id + "/planting")
                .header("Authorization", token(DemoIdentity.FORESTRY_MAIGAITI))
                .bodyValue(Map.of("planted", Map.of("value", 200, "unit", "mu")))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/greening/v1/projects/" + id)
                .header("Authorization", token(DemoIdentity.FORESTRY_MAIGAITI))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.instance")
                .isEqualTo("/api/greening/v1/projects/" + id);
        http.get()
                .uri("/api/greening/v1/projects/" + id)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aCountyOfficerSeesOnlyTheirCountyAndCannotWriteElsewhere() {
        String shache = createProject(DemoIdentity.FORESTRY_SHACHE, SHACHE);
        String maigaiti = createProject(DemoIdentity.FORESTRY_MAIGAITI, MAIGAITI);

        List<String> seen = ids(DemoIdentity.FORESTRY_SHACHE, "");
        assertThat(seen).contains(shache).doesNotContain(maigaiti);
        assertThat(ids(DemoIdentity.FORESTRY_MAIGAITI, "")).contains(maigaiti).doesNotContain(shache);
        assertThat(ids(DemoIdentity.COORDINATOR, "&year=" + LocalDate.now().getYear()))
                .contains(shache, maigaiti);

        http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(project("麦盖提的项目", MAIGAITI))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Forbidden");
        // The ecology agency reads but does not write forestry records.
        http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(project("生态局的项目", SHACHE))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/greening/v1/projects/" + maigaiti + "/survival-checks")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(Map.of("checkedOn", LocalDate.now().minusDays(1).toString(), "survivalRate", 80))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get().uri("/api/greening/v1/projects").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aCorpsOfficerSeesOnlyCorpsProjects() {
        String corps = createProject(DemoIdentity.FORESTRY_CORPS, TUMXUK);
        String county = createProject(DemoIdentity.FORESTRY_SHACHE, SHACHE);

        List<Map<String, Object>> items = page(DemoIdentity.CORPS_OFFICER, "&limit=200");
        assertThat(items).extracting(p -> p.get("id")).contains(corps).doesNotContain(county);
        assertThat(items)
                .allSatisfy(p -> assertThat(p.get("corpsUnit")).asString().startsWith("xpcc-3"));
        http.get()
                .uri("/api/greening/v1/projects/" + county)
                .header("Authorization", token(DemoIdentity.CORPS_OFFICER))
                .exchange()
                .expectStatus()
                .isNotFound();
        // The host county sees the joint project too.
        assertThat(ids(DemoIdentity.ECO_BACHU, "")).contains(corps);
        // A Corps officer cannot place a project in a county outside Corps land.
        http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(DemoIdentity.FORESTRY_CORPS))
                .bodyValue(project("兵团在县里", SHACHE))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void survivalChecksAreWeightedIntoTheYearsProgress() {
        int year = LocalDate.now().getYear();
        String id = createProject(DemoIdentity.FORESTRY_MAIGAITI, MAIGAITI);
        Map<?, ?> before = progress(DemoIdentity.FORESTRY_MAIGAITI, year, "653127");

        http.post()
                .uri("/api/greening/v1/projects/" + id + "/survival-checks")
                .header("Authorization", token(DemoIdentity.FORESTRY_MAIGAITI))
                .bodyValue(Map.of(
                        "checkedOn",
                        LocalDate.now().minusDays(1).toString(),
                        "survivalRate",
                        65.5,
                        "replanted",
                        Map.of("value", 15, "unit", "mu")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.verdict")
                .isEqualTo("replant-gaps")
                .jsonPath("$.replanted.hectares")
                .isEqualTo(1.0);
        assertThat(events("lantian.greening.survival-checked.v1", "project/" + id))
                .singleElement()
                .asString()
                .contains("\"survivalRate\":65.5", "\"verdict\":\"replant-gaps\"", "\"qualifiedRate\":70.0");
        http.post()
                .uri("/api/greening/v1/projects/" + id + "/survival-checks")
                .header("Authorization", token(DemoIdentity.FORESTRY_MAIGAITI))
                .bodyValue(Map.of("checkedOn", LocalDate.now().minusDays(1).toString(), "survivalRate", 70))
                .exchange()
                .expectStatus()
                .isEqualTo(409);

        Map<?, ?> after = progress(DemoIdentity.FORESTRY_MAIGAITI, year, "653127");
        double checkedBefore = (Double) ((Map<?, ?>) before.get("checkedPlanted")).get("hectares");
        double survivingBefore = (Double) ((Map<?, ?>) before.get("surviving")).get("hectares");
        assertThat((Double) ((Map<?, ?>) after.get("checkedPlanted")).get("hectares"))
                .isEqualTo(checkedBefore + 6.0);
        assertThat((Double) ((Map<?, ?>) after.get("surviving")).get("hectares"))
                .isCloseTo(survivingBefore + 6.0 * 0.655, org.assertj.core.api.Assertions.within(0.001));
        // Maigaiti's officer sees only Maigaiti (and the Corps units inside it, none of which it governs).
        List<Map<String, Object>> rows = http.get()
                .uri("/api/greening/v1/progress?year=" + year)
                .header("Authorization", token(DemoIdentity.FORESTRY_MAIGAITI))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        assertThat(rows).extracting(r -> r.get("unit")).containsExactly("653127");
    }

    @Test
    void aRegimentsProjectCountsForTheRegimentAndForItsDivision() {
        int year = LocalDate.now().getYear();
        Map<?, ?> regimentBefore = progress(DemoIdentity.FORESTRY_CORPS, year, "xpcc-3-45");
        Map<?, ?> divisionBefore = progress(DemoIdentity.FORESTRY_CORPS, year, "xpcc-3");
        // The 45th regiment has no drawn boundary; it lies in Maigaiti, so its project there is joint.
        Map<String, Object> body = project(unique("四十五团造林"), MAIGAITI);
        body.put("corpsUnit", "xpcc-3-45");
        http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(DemoIdentity.FORESTRY_CORPS))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.corpsUnit")
                .isEqualTo("xpcc-3-45")
                .jsonPath("$.jurisdiction")
                .isEqualTo("653127");

        Map<?, ?> regiment = progress(DemoIdentity.FORESTRY_CORPS, year, "xpcc-3-45");
        Map<?, ?> division = progress(DemoIdentity.FORESTRY_CORPS, year, "xpcc-3");
        assertThat(hectares(regiment, "planted")).isEqualTo(hectares(regimentBefore, "planted") + 6.0);
        assertThat(hectares(division, "planted")).isEqualTo(hectares(divisionBefore, "planted") + 6.0);
        assertThat(((Number) division.get("projects")).longValue())
                .isEqualTo(((Number) divisionBefore.get("projects")).longValue() + 1);
        // The county where the regiment lies counts it once, as before.
        assertThat(hectares(progress(DemoIdentity.COORDINATOR, year, "653127"), "planted"))
                .isGreaterThanOrEqualTo(6.0);
    }

    private static double hectares(Map<?, ?> row, String field) {
        return ((Number) ((Map<?, ?>) row.get(field)).get("hectares")).doubleValue();
    }

    @Test
    void badInputAnswersTheProblemShapeAndStoresNothing() {
        Map<String, Object> wrong = project("错", SHACHE);
        wrong.put("plantingYear", "2026");
        wrong.put("programme", "palm-trees");
        problem(wrong, "plantingYear", "has the wrong type or format");
        problem(project("x".repeat(201), SHACHE), "name", "size must be between 0 and 200");
        Map<String, Object> bad = project("x", box(77.0, 38.31, 77.02, 38.33));
        bad.put("programme", "palm-trees");
        bad.put("planned", Map.of("value", 150, "unit", "acre"));
        http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(bad)
                .exchange()
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
                .isEqualTo("/api/greening/v1/projects")
                .jsonPath("$.errors[*].field")
                .value(f -> assertThat((List<String>) f).containsExactly("programme", "planned.unit"));
        Map<String, Object> nul = project("名\u0000字", SHACHE);
        problem(nul, "name", "contains a NUL character or an unpaired surrogate");
        Map<String, Object> unknown = project("未知", SHACHE);
        unknown.put("colour", "green");
        problem(unknown, "colour", "is not a known field");

        String raw = http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"a\",")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(raw)
                .contains("\"field\":\"body\"", "is not well-formed JSON")
                .doesNotContain("Unexpected", "jackson", "Exception");
        http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{} []")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("body");
        http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("body");
        // A lone surrogate written as an escape is valid JSON but not text.
        String lone = new tools.jackson.databind.json.JsonMapper()
                .writeValueAsString(project("x", SHACHE))
                .replace("\"name\":\"x\"", "\"name\":\"a\\ud800b\"");
        http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lone)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
        http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("name=a")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Unsupported Media Type");
        http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"" + "x".repeat(600_000) + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(413);
        http.get()
                .uri("/api/greening/v1/projects?limit=abc")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
        http.get()
                .uri("/api/greening/v1/projects?limit=0")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
        long stored = db.sql("select count(*) from project where name in ('错', '未知') or name like '名%字'")
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
        assertThat(stored).isZero();
    }

    private void problem(Map<String, Object> body, String field, String reason) {
        http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(DemoIdentity.FORESTRY_SHACHE))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field)
                .jsonPath("$.errors[0].reason")
                .isEqualTo(reason);
    }

    private List<Map<String, Object>> page(DemoIdentity who, String query) {
        return (List<Map<String, Object>>) http.get()
                .uri("/api/greening/v1/projects?limit=200" + query)
                .header("Authorization", token(who))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("items");
    }

    private List<String> ids(DemoIdentity who, String query) {
        // Newest projects of this run are found by walking every page.
        List<String> all = new java.util.ArrayList<>();
        String after = null;
        do {
            Map<?, ?> body = http.get()
                    .uri("/api/greening/v1/projects?limit=200" + query + (after == null ? "" : "&after=" + after))
                    .header("Authorization", token(who))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            ((List<Map<String, Object>>) body.get("items"))
                    .forEach(p -> all.add(p.get("id").toString()));
            after = (String) body.get("next");
        } while (after != null);
        return all;
    }

    private Map<?, ?> progress(DemoIdentity who, int year, String unit) {
        List<Map<String, Object>> rows = http.get()
                .uri("/api/greening/v1/progress?year=" + year)
                .header("Authorization", token(who))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        return rows.stream().filter(r -> unit.equals(r.get("unit"))).findFirst().orElseThrow();
    }
}
