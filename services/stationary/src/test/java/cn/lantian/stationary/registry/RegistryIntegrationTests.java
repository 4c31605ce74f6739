package cn.lantian.stationary.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.stationary.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryIntegrationTests extends IntegrationTest {

    @Test
    void ecologyOfficerRegistersEnterpriseInOwnCountyAndKeepsHistory() {
        String id = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        http.put()
                .uri("/api/stationary/v1/enterprises/{id}", id)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of(
                        "creditCode", creditCode(), "name", "改名企业", "grade", "A", "lon", SHACHE[0], "lat", SHACHE[1]))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2)
                .jsonPath("$.placement.jurisdiction")
                .isEqualTo("653125");
        http.get()
                .uri("/api/stationary/v1/enterprises/{id}/history", id)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].snapshot.grade")
                .isEqualTo("B")
                .jsonPath("$[1].snapshot.grade")
                .isEqualTo("A");
    }

    @Test
    void badFieldsComeBackAsProblemDetailsNamingEachField() {
        http.post()
                .uri("/api/stationary/v1/enterprises")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of("creditCode", "91350100M000100Y44", "grade", "E", "lon", 0, "lat", 0))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json")
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'creditCode')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'name')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'grade')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'lon')]")
                .exists();
    }

    @Test
    void writesOutsideOwnJurisdictionOrWithoutEcologyRoleAreRefused() {
        Map<String, Object> body = Map.of("creditCode", creditCode(), "name", "x", "lon", SHACHE[0], "lat", SHACHE[1]);
        http.post()
                .uri("/api/stationary/v1/enterprises")
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/stationary/v1/enterprises")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/stationary/v1/enterprises")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        // The prefecture writes anywhere.
        enterprise(DemoIdentity.COORDINATOR, SHACHE);
    }

    @Test
    void readsAreFilteredByJurisdictionAndTumxukIsJointWithBachu() {
        String shache = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        String tumxuk = enterprise(DemoIdentity.CORPS_OFFICER, TUMXUK);
        http.get()
                .uri("/api/stationary/v1/enterprises/{id}", tumxuk)
                .header("Authorization", token(DemoIdentity.ECO_BACHU))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.placement.jurisdiction")
                .isEqualTo("653130")
                .jsonPath("$.placement.corpsUnit")
                .isEqualTo("xpcc-3");
        http.get()
                .uri("/api/stationary/v1/enterprises/{id}", tumxuk)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/stationary/v1/enterprises/{id}", shache)
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/stationary/v1/enterprises?limit=500")
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + shache + "')]")
                .doesNotExist();
    }

    @Test
    void listsPageWithCursor() {
        String owner = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        for (int i = 0; i < 3; i++) {
            facility(DemoIdentity.ECO_SHACHE, owner, "coal-dealer", SHACHE, Map.of("licence", "L" + i));
        }
        String first = "/api/stationary/v1/facilities?kind=coal-dealer&enterpriseId=" + owner + "&limit=2";
        var page = http.get()
                .uri(first)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((java.util.List<?>) page.get("items")).hasSize(2);
        assertThat(page.get("next")).isNotNull();
        http.get()
                .uri(first + "&after=" + page.get("next"))
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.next")
                .doesNotExist();
    }

    @Test
    void urbanCoalBoilerOf35IsFoundAndPhasingItOutResolvesTheFinding() {
        String owner = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        Map<String, Object> attributes = Map.of(
                "fuel",
                "coal",
                "capacityTph",
                35,
                "builtUp",
                true,
                "year",
                2009,
                "dustRemoval",
                "bag",
                "denitration",
                "none");
        String boiler = facility(DemoIdentity.ECO_SHACHE, owner, "boiler", SHACHE, attributes);
        // 35 t/h in a built-up area: phased out; and from 20 t/h it needs CEMS, which it lacks.
        assertThat(events("lantian.stationary.rule-finding-raised.v1", "boiler/" + boiler))
                .hasSize(2)
                .anySatisfy(e -> assertThat(e).contains("boiler-coal-urban-phase-out", "行动方案 三.三"))
                .anySatisfy(e -> assertThat(e).contains("boiler-coal-cems"));
        http.get()
                .uri("/api/stationary/v1/findings?ruleId=boiler-coal-urban-phase-out&limit=500")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.facilityId == '" + boiler + "')]")
                .exists();

        http.put()
                .uri("/api/stationary/v1/facilities/{id}", boiler)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of(
                        "kind",
                        "boiler",
                        "enterpriseId",
                        owner,
                        "name",
                        "1# boiler",
                        "status",
                        "phased-out",
                        "lon",
                        SHACHE[0],
                        "lat",
                        SHACHE[1],
                        "attributes",
                        attributes))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(events("lantian.stationary.rule-finding-resolved.v1", "boiler/" + boiler))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).contains("\"resolution\":\"phased-out\""));
        assertThat(events("lantian.stationary.boiler-phased-out.v1", "boiler/" + boiler))
                .hasSize(1);
        // The relay publishes the events to RabbitMQ with confirms and marks them sent.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> db.sql("select count(*) from event_outbox where sent_at is null "
                                        + "and payload::jsonb->>'subject' = :s")
                                .bind("s", "boiler/" + boiler)
                                .map(r -> r.get(0, Long.class))
                                .one()
                                .block()
                        == 0);
    }

    @Test
    void boilerOf35Point1InBuiltUpAreaHasNoPhaseOutFinding() {
        String owner = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        String boiler = facility(
                DemoIdentity.ECO_SHACHE,
                owner,
                "boiler",
                SHACHE,
                Map.of(
                        "fuel",
                        "coal",
                        "capacityTph",
                        35.1,
                        "builtUp",
                        true,
                        "cems",
                        java.util.List.of("PM", "SO2", "NOx")));
        assertThat(events("lantian.stationary.rule-finding-raised.v1", "boiler/" + boiler))
                .isEmpty();
    }

    @Test
    void unknownAttributesAndWrongKindsAreNamed() {
        String owner = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        http.post()
                .uri("/api/stationary/v1/facilities")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of(
                        "kind",
                        "boiler",
                        "enterpriseId",
                        owner,
                        "name",
                        "b",
                        "lon",
                        SHACHE[0],
                        "lat",
                        SHACHE[1],
                        "attributes",
                        Map.of("fuel", "peat", "capacityTph", -1, "colour", "red")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'attributes.fuel')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'attributes.capacityTph')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'attributes.builtUp')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'attributes.colour')]")
                .exists();
    }

    @Test
    void csvImportTakesValidRowsAndListsEveryInvalidRowWithWhy() {
        String owner = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        String good = unique("boiler");
        String csv = "id,kind,enterpriseId,parentId,name,status,lon,lat,fuel,capacityTph,builtUp,year,cems\n"
                + good + ",boiler," + owner + ",,2# boiler,operating," + SHACHE[0] + "," + SHACHE[1]
                + ",gas,25,true,2018,NOx\n"
                + unique("boiler") + ",boiler," + owner + ",,bad boiler,operating," + SHACHE[0] + "," + SHACHE[1]
                + ",peat,x,maybe,,\n"
                + unique("boiler") + ",boiler," + owner + ",,far boiler,operating," + KASHGAR[0] + "," + KASHGAR[1]
                + ",coal,5,false,,\n"
                + unique("boiler") + ",boiler," + owner + ",,no place,operating,east,,coal,5,false,,\n";
        http.post()
                .uri("/api/stationary/v1/imports/facilities")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rows")
                .isEqualTo(4)
                .jsonPath("$.imported.length()")
                .isEqualTo(1)
                .jsonPath("$.imported[0]")
                .isEqualTo(good)
                .jsonPath("$.rejected.length()")
                .isEqualTo(3)
                .jsonPath("$.rejected[0].line")
                .isEqualTo(3)
                .jsonPath("$.rejected[0].errors[?(@.field == 'attributes.fuel')]")
                .exists()
                .jsonPath("$.rejected[0].errors[?(@.field == 'attributes.capacityTph')]")
                .exists()
                .jsonPath("$.rejected[0].errors[?(@.field == 'attributes.builtUp')]")
                .exists()
                .jsonPath("$.rejected[1].line")
                .isEqualTo(4)
                .jsonPath("$.rejected[2].errors[?(@.field == 'lon')]")
                .exists();
        http.get()
                .uri("/api/stationary/v1/facilities/{id}", good)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.attributes.capacityTph")
                .isEqualTo(25.0)
                .jsonPath("$.attributes.cems[0]")
                .isEqualTo("NOx");
    }

    @Test
    void csvImportOfEnterprisesChecksTheCreditCode() {
        String csv = "id,creditCode,name,industry,grade,ultraLow,lon,lat\n"
                + unique("ent") + "," + creditCode() + ",莎车某热力公司,heating,C,," + SHACHE[0] + "," + SHACHE[1] + "\n"
                + unique("ent") + ",91350100M000100Y44,坏代码公司,heating,C,," + SHACHE[0] + "," + SHACHE[1] + "\n";
        http.post()
                .uri("/api/stationary/v1/imports/enterprises")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.imported.length()")
                .isEqualTo(1)
                .jsonPath("$.rejected[0].line")
                .isEqualTo(3)
                .jsonPath("$.rejected[0].errors[0].field")
                .isEqualTo("creditCode");
    }
}
