package cn.lantian.dust.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Sites, the 3,000 m² monitor rule, inspections and access, against the real database, broker and Keycloak. */
class SiteIntegrationTests extends IntegrationTest {

    private Map<String, Object> site(String id, Object area, double[] at) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("project", "测试项目 " + id);
        body.put("builderName", "莎车建工");
        body.put("builderCreditCode", CREDIT_CODE);
        body.put("areaM2", area);
        body.put("phase", "earthwork");
        body.put("plannedStart", "2026-03-01");
        body.put("lon", at[0]);
        body.put("lat", at[1]);
        return body;
    }

    private String create(DemoIdentity who, Map<String, Object> body) {
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", token(who))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated();
        return (String) body.get("id");
    }

    @Test
    void aSiteOf3000SquareMetresWithoutMonitorRaisesMonitorMissingAndOneOf2999Point9DoesNot() {
        String small = create(DemoIdentity.HOUSING_SHACHE, site(unique("site"), 2999.9, SHACHE));
        String large = create(DemoIdentity.HOUSING_SHACHE, site(unique("site"), 3000, SHACHE));
        assertThat(events("lantian.dust.site-monitor-missing.v1", "site/" + small))
                .isEmpty();
        assertThat(events("lantian.dust.site-monitor-missing.v1", "site/" + large))
                .singleElement()
                .asString()
                .contains("\"areaM2\":3000", "\"id\":\"dust.site-monitor.min-area\"", "\"jurisdiction\":\"653125\"");

        // Saving it again raises nothing new; a monitor clears the mark.
        http.put()
                .uri("/api/dust/v1/sites/" + large)
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(site(large, 3000, SHACHE))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(events("lantian.dust.site-monitor-missing.v1", "site/" + large))
                .hasSize(1);
        http.post()
                .uri("/api/dust/v1/sites/" + large + "/monitors")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of("id", unique("mon"), "installedOn", "2026-11-01"))
                .exchange()
                .expectStatus()
                .isCreated();
        http.get()
                .uri("/api/dust/v1/sites/" + large)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.monitors")
                .isEqualTo(1)
                .jsonPath("$.monitorMissingSince")
                .doesNotExist();

        // The relay publishes the event with confirms and marks it sent.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> db.sql("select count(*) from event_outbox where "
                                        + "sent_at is null and payload::jsonb->>'subject' = :s")
                                .bind("s", "site/" + large)
                                .map(r -> r.get(0, Long.class))
                                .one()
                                .block()
                        == 0);
    }

    @Test
    void aCountyOfficerSeesOnlyTheirCountysSites() {
        String shache = create(DemoIdentity.HOUSING_SHACHE, site(unique("site"), 1200, SHACHE));
        http.get()
                .uri("/api/dust/v1/sites/" + shache)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/api/dust/v1/sites/" + shache)
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get()
                .uri("/api/dust/v1/sites?limit=500")
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + shache + "')]")
                .isEmpty()
                .jsonPath("$.items[?(@.jurisdiction != '653101')]")
                .isEmpty();
        http.get()
                .uri("/api/dust/v1/sites?county=653125&limit=500")
                .header("Authorization", token(DemoIdentity.COORDINATOR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + shache + "')]")
                .exists();
        http.get().uri("/api/dust/v1/sites/" + shache).exchange().expectStatus().isUnauthorized();
        // Traffic police neither owns nor oversees construction sites.
        http.get()
                .uri("/api/dust/v1/sites")
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void writesOutsideTheWritersJurisdictionOrAgencyAreRefused() {
        // A new site in Kashgar City by Shache's housing officer: 403.
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(site(unique("site"), 500, KASHGAR))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
        // An existing Kashgar City site answers as absent, for a replace and for an inspection.
        String kashgar = unique("site");
        db.sql("insert into site (id, project, builder_name, builder_credit_code, area_m2, phase, lon, lat, "
                        + "jurisdiction, status) values (:id, 'p', 'b', :cc, 800, 'structure', :lon, :lat, '653101', "
                        + "'active')")
                .bind("id", kashgar)
                .bind("cc", CREDIT_CODE)
                .bind("lon", KASHGAR[0])
                .bind("lat", KASHGAR[1])
                .fetch()
                .rowsUpdated()
                .block();
        http.put()
                .uri("/api/dust/v1/sites/" + kashgar)
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(site(kashgar, 800, SHACHE))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.post()
                .uri("/api/dust/v1/sites/" + kashgar + "/inspections")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(inspection("enclosure"))
                .exchange()
                .expectStatus()
                .isNotFound();
        // Ecology reads but does not write sites.
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(site(unique("site"), 500, SHACHE))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private static Map<String, Object> inspection(String failing) {
        List<Map<String, Object>> items = SixItems.ALL.stream()
                .map(item -> item.equals(failing)
                        ? Map.<String, Object>of(
                                "item", item, "passed", false, "photos", List.of("photo://insp/" + item + ".jpg"))
                        : Map.<String, Object>of("item", item, "passed", true))
                .toList();
        return Map.of("inspectedAt", "2026-12-01T10:00:00+08:00", "items", items);
    }

    @Test
    void aFailedSixHundredItemIsAViolationNamingTheItem() {
        String id = create(DemoIdentity.HOUSING_SHACHE, site(unique("site"), 1500, SHACHE));
        http.post()
                .uri("/api/dust/v1/sites/" + id + "/inspections")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(inspection("covering"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.failed[0]")
                .isEqualTo("covering");
        assertThat(events("lantian.dust.site-dust-violation.v1", "site/" + id))
                .singleElement()
                .asString()
                .contains("\"measure\":\"covering\"", "\"evidence\":\"inspection\"", "photo://insp/covering.jpg");
        assertThat(awaitPublished("site/" + id))
                .as("monitor-free site: only the violation")
                .isEqualTo(1);
        http.get()
                .uri("/api/dust/v1/violations?siteId=" + id)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].measure")
                .isEqualTo("covering")
                .jsonPath("$.items[0].kind")
                .isEqualTo("inspection");
        http.get()
                .uri("/api/dust/v1/violations?siteId=" + id)
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items")
                .isEmpty();

        // Five items only, or a failed item without a photo, are refused whole.
        List<Map<String, Object>> five = SixItems.ALL.subList(0, 5).stream()
                .map(item -> Map.<String, Object>of("item", item, "passed", true))
                .toList();
        http.post()
                .uri("/api/dust/v1/sites/" + id + "/inspections")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of("inspectedAt", "2026-12-01T11:00:00+08:00", "items", five))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("items");
        http.get()
                .uri("/api/dust/v1/sites/" + id + "/inspections")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1);
    }

    @Test
    void badInputAnswersTheOneProblemShapeWithoutParserText() {
        String auth = token(DemoIdentity.HOUSING_SHACHE);
        Map<String, Object> wrongType = site(unique("site"), "3000", SHACHE);
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", auth)
                .bodyValue(wrongType)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("about:blank")
                .jsonPath("$.title")
                .isEqualTo("Bad Request")
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.instance")
                .isEqualTo("/api/dust/v1/sites")
                .jsonPath("$.errors[0].field")
                .isEqualTo("areaM2");
        // A NUL is refused while the body is read, before the service's own checks.
        Map<String, Object> nul = site(unique("site"), 100, SHACHE);
        nul.put("project", "a\u0000b");
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", auth)
                .bodyValue(nul)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'project')].reason")
                .isEqualTo("contains a NUL character or an unpaired surrogate");
        Map<String, Object> bad = site(unique("site"), -5, new double[] {10, 10});
        bad.put("builderCreditCode", "123");
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", auth)
                .bodyValue(bad)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'builderCreditCode')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'areaM2')]")
                .exists();
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"x\",")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("body")
                .jsonPath("$.detail")
                .value(d -> assertThat(d.toString()).doesNotContain("Unexpected", "jackson", "Exception"));
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"x\"} {}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", auth)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("x")
                .exchange()
                .expectStatus()
                .isEqualTo(415);
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"project\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(413);
        http.get()
                .uri("/api/dust/v1/sites?limit=abc")
                .header("Authorization", auth)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    @Test
    void aCsvImportStoresGoodRowsAndReportsEachBadOne() {
        String good = unique("site");
        String csv = String.join(",", SiteImport.COLUMNS) + "\n"
                + good + ",项目甲,莎车建工," + CREDIT_CODE + ",4200,structure,2026-03-01,,,,城北," + SHACHE[0] + ","
                + SHACHE[1] + ",active\n"
                + unique("site") + ",项目乙,莎车建工,BAD,abc,roofing,,,,,," + SHACHE[0] + "," + SHACHE[1] + ",\n"
                + unique("site") + ",项目丙,喀什建工," + CREDIT_CODE + ",900,finishing,,,,,," + KASHGAR[0] + ","
                + KASHGAR[1] + ",active\n";
        http.post()
                .uri("/api/dust/v1/sites/import")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rows")
                .isEqualTo(3)
                .jsonPath("$.created")
                .isEqualTo(1)
                .jsonPath("$.rejected.length()")
                .isEqualTo(2)
                .jsonPath("$.rejected[0].line")
                .isEqualTo(3)
                .jsonPath("$.rejected[0].errors[0].field")
                .isEqualTo("areaM2")
                .jsonPath("$.rejected[1].line")
                .isEqualTo(4);
        assertThat(events("lantian.dust.site-monitor-missing.v1", "site/" + good))
                .hasSize(1);
    }
}
