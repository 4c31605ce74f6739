package cn.lantian.stationary.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.stationary.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Writes that name records of another jurisdiction: they never change those records, and a record the caller cannot
 * see answers exactly as one that does not exist. Each refusal stands beside the write that is allowed.
 */
class CrossJurisdictionWritesIntegrationTests extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private Map<String, Object> measure(String id, String enterpriseId, String text) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "enterpriseId",
                enterpriseId,
                "level",
                "orange",
                "measure",
                text,
                "pmKgD",
                10,
                "so2KgD",
                5,
                "noxKgD",
                20,
                "vocsKgD",
                1));
        if (id != null) {
            body.put("id", id);
        }
        return body;
    }

    private WebTestClient.ResponseSpec postMeasure(DemoIdentity who, Map<String, Object> body) {
        return http.post()
                .uri("/api/stationary/v1/emergency/measures")
                .header("Authorization", token(who))
                .bodyValue(body)
                .exchange();
    }

    private String detail(WebTestClient.ResponseSpec response, int status) {
        Map<?, ?> problem = response.expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return String.valueOf(problem.get("detail"));
    }

    @Test
    void aMeasureOfAnotherCountyIsNeitherOverwrittenNorRevealedByItsId() {
        String kashgar = enterprise(DemoIdentity.ECO_KASHGAR, KASHGAR);
        String theirs = (String) postMeasure(DemoIdentity.ECO_KASHGAR, measure(null, kashgar, "停产 their measure"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
        String shache = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);

        // Their id with an own enterprise answers as an id that does not exist.
        String foreign = detail(postMeasure(DemoIdentity.ECO_SHACHE, measure(theirs, shache, "overwritten")), 404);
        String missing = unique("m-none");
        String none = detail(postMeasure(DemoIdentity.ECO_SHACHE, measure(missing, shache, "overwritten")), 404);
        assertThat(foreign.replace(theirs, "ID")).isEqualTo(none.replace(missing, "ID"));
        // Naming their enterprise is refused outright.
        postMeasure(DemoIdentity.ECO_SHACHE, measure(theirs, kashgar, "overwritten"))
                .expectStatus()
                .isForbidden();
        postMeasure(DemoIdentity.ECO_SHACHE, measure(null, kashgar, "added"))
                .expectStatus()
                .isForbidden();

        http.get()
                .uri("/api/stationary/v1/emergency/enterprises/{e}/measures", kashgar)
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(theirs)
                .jsonPath("$[0].measure")
                .isEqualTo("停产 their measure");
        assertThat(db.sql("select updated_by from emergency_measure where id = :id")
                        .bind("id", theirs)
                        .map(r -> r.get(0, String.class))
                        .one()
                        .block())
                .isEqualTo("eco-kashgar");
    }

    @Test
    void aMeasureKeepsItsEnterpriseAndItsOwnerMayChangeIt() {
        String first = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        String second = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        String own = (String) postMeasure(DemoIdentity.ECO_SHACHE, measure(null, first, "限产 30 %"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
        postMeasure(DemoIdentity.ECO_SHACHE, measure(own, second, "moved"))
                .expectStatus()
                .isEqualTo(409);
        postMeasure(DemoIdentity.ECO_SHACHE, measure(own, first, "限产 50 %"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(own)
                .jsonPath("$.enterpriseId")
                .isEqualTo(first);
        http.get()
                .uri("/api/stationary/v1/emergency/enterprises/{e}/measures", first)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].measure")
                .isEqualTo("限产 50 %");
        http.get()
                .uri("/api/stationary/v1/emergency/enterprises/{e}/measures", second)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void aFacilityCannotBeHungUnderAnotherCountysEnterpriseOrFacility() {
        String kashgar = enterprise(DemoIdentity.ECO_KASHGAR, KASHGAR);
        String theirPlant = facility(DemoIdentity.ECO_KASHGAR, kashgar, "plant", KASHGAR, Map.of());
        String shache = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        Map<String, Object> underTheirs = Map.of(
                "kind",
                "coal-dealer",
                "enterpriseId",
                kashgar,
                "name",
                "dealer",
                "lon",
                SHACHE[0],
                "lat",
                SHACHE[1],
                "attributes",
                Map.of("licence", "L1"));
        http.post()
                .uri("/api/stationary/v1/facilities")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(underTheirs)
                .exchange()
                .expectStatus()
                .isForbidden();
        Map<String, Object> parentTheirs = new HashMap<>(underTheirs);
        parentTheirs.put("enterpriseId", shache);
        parentTheirs.put("parentId", theirPlant);
        http.post()
                .uri("/api/stationary/v1/facilities")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(parentTheirs)
                .exchange()
                .expectStatus()
                .isForbidden();
        // The same facility under its own enterprise is fine.
        parentTheirs.remove("parentId");
        http.post()
                .uri("/api/stationary/v1/facilities")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(parentTheirs)
                .exchange()
                .expectStatus()
                .isCreated();
        assertThat(db.sql("select count(*) from facility where enterprise_id = :e")
                        .bind("e", kashgar)
                        .map(r -> r.get(0, Long.class))
                        .one()
                        .block())
                .isEqualTo(1L);
    }

    @Test
    void creatingAnEnterpriseWhoseIdExistsElsewhereAnswersAsTheReadDoes() {
        String theirs = enterprise(DemoIdentity.ECO_KASHGAR, KASHGAR);
        String read = detail(
                http.get()
                        .uri("/api/stationary/v1/enterprises/{id}", theirs)
                        .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                        .exchange(),
                404);
        String create = detail(
                http.post()
                        .uri("/api/stationary/v1/enterprises")
                        .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                        .bodyValue(Map.of(
                                "id",
                                theirs,
                                "creditCode",
                                creditCode(),
                                "name",
                                "同号企业",
                                "lon",
                                SHACHE[0],
                                "lat",
                                SHACHE[1]))
                        .exchange(),
                404);
        assertThat(create).isEqualTo(read);
        // Within the caller's sight the clash is named.
        String own = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        http.post()
                .uri("/api/stationary/v1/enterprises")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of(
                        "id", own, "creditCode", creditCode(), "name", "同号企业", "lon", SHACHE[0], "lat", SHACHE[1]))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        // Changing their enterprise answers as for one that does not exist, too.
        assertThat(detail(
                        http.put()
                                .uri("/api/stationary/v1/enterprises/{id}", theirs)
                                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                                .bodyValue(Map.of(
                                        "creditCode", creditCode(), "name", "x", "lon", SHACHE[0], "lat", SHACHE[1]))
                                .exchange(),
                        404))
                .isEqualTo(read);
    }

    @Test
    void creatingAFacilityWhoseIdExistsElsewhereAnswersAsTheReadDoes() {
        String kashgar = enterprise(DemoIdentity.ECO_KASHGAR, KASHGAR);
        String theirs = facility(DemoIdentity.ECO_KASHGAR, kashgar, "plant", KASHGAR, Map.of());
        String shache = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        String read = detail(
                http.get()
                        .uri("/api/stationary/v1/facilities/{id}", theirs)
                        .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                        .exchange(),
                404);
        Map<String, Object> body = Map.of(
                "id",
                theirs,
                "kind",
                "plant",
                "enterpriseId",
                shache,
                "name",
                "plant",
                "lon",
                SHACHE[0],
                "lat",
                SHACHE[1],
                "attributes",
                Map.of());
        String create = detail(
                http.post()
                        .uri("/api/stationary/v1/facilities")
                        .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                        .bodyValue(body)
                        .exchange(),
                404);
        assertThat(create).isEqualTo(read);
        assertThat(detail(
                        http.put()
                                .uri("/api/stationary/v1/facilities/{id}", theirs)
                                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                                .bodyValue(body)
                                .exchange(),
                        404))
                .isEqualTo(read);
    }

    @Test
    void issuingAPermitWhoseNumberExistsElsewhereAnswersAsTheReadDoes() {
        String kashgar = enterprise(DemoIdentity.ECO_KASHGAR, KASHGAR);
        String number = ("P" + unique("x").replace("-", "")).toUpperCase() + "001P";
        Map<String, Object> permit = new HashMap<>(Map.of(
                "number",
                number,
                "enterpriseId",
                kashgar,
                "validFrom",
                "2024-01-01",
                "validUntil",
                TODAY.plusYears(3).toString(),
                "limits",
                List.of()));
        http.post()
                .uri("/api/stationary/v1/permits")
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .bodyValue(permit)
                .exchange()
                .expectStatus()
                .isCreated();
        String read = detail(
                http.get()
                        .uri("/api/stationary/v1/permits/{n}", number)
                        .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                        .exchange(),
                404);
        permit.put("enterpriseId", enterprise(DemoIdentity.ECO_SHACHE, SHACHE));
        assertThat(detail(
                        http.post()
                                .uri("/api/stationary/v1/permits")
                                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                                .bodyValue(permit)
                                .exchange(),
                        404))
                .isEqualTo(read);
        assertThat(detail(
                        http.put()
                                .uri("/api/stationary/v1/permits/{n}", number)
                                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                                .bodyValue(permit)
                                .exchange(),
                        404))
                .isEqualTo(read);
        assertThat(detail(
                        http.post()
                                .uri("/api/stationary/v1/permits/{n}/revocation", number)
                                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                                .bodyValue(Map.of("reason", "x"))
                                .exchange(),
                        404))
                .isEqualTo(read);
        http.get()
                .uri("/api/stationary/v1/permits/{n}", number)
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.enterpriseId")
                .isEqualTo(kashgar)
                .jsonPath("$.status")
                .isEqualTo("valid");
    }

    @Test
    void readingsForAnotherCountysOutletOrLineAreRefusedAsForOnesThatDoNotExist() {
        String kashgar = enterprise(DemoIdentity.ECO_KASHGAR, KASHGAR);
        String theirOutlet = facility(
                DemoIdentity.ECO_KASHGAR,
                kashgar,
                "outlet",
                KASHGAR,
                Map.of("code", "DA001", "sourceKind", "gas-boiler"));
        String theirLine = facility(DemoIdentity.ECO_KASHGAR, kashgar, "line", KASHGAR, Map.of("product", "clinker"));
        String hour = java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .toString();
        String missing = unique("no-outlet");
        String lines = "{\"outletId\":\"" + theirOutlet + "\",\"pollutant\":\"NOx\",\"hour\":\"" + hour
                + "\",\"value\":5,\"o2\":10,\"flow\":1000,\"flag\":\"N\"}\n"
                + "{\"outletId\":\"" + missing + "\",\"pollutant\":\"NOx\",\"hour\":\"" + hour
                + "\",\"value\":5,\"o2\":10,\"flow\":1000,\"flag\":\"N\"}\n";
        http.post()
                .uri("/api/stationary/v1/cems/readings")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(lines)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(0)
                .jsonPath("$.rejected[0].message")
                .isEqualTo("no outlet " + theirOutlet)
                .jsonPath("$.rejected[1].message")
                .isEqualTo("no outlet " + missing);

        String foreign = detail(
                http.post()
                        .uri("/api/stationary/v1/emergency/electricity")
                        .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                        .bodyValue(List.of(Map.of("lineId", theirLine, "at", hour, "kw", 10)))
                        .exchange(),
                400);
        String none = detail(
                http.post()
                        .uri("/api/stationary/v1/emergency/electricity")
                        .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                        .bodyValue(List.of(Map.of("lineId", missing, "at", hour, "kw", 10)))
                        .exchange(),
                400);
        assertThat(foreign.replace(theirLine, "ID")).isEqualTo(none.replace(missing, "ID"));
    }
}
