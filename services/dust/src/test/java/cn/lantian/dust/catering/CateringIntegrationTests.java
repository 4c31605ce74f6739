package cn.lantian.dust.catering;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Catering premises over HTTP with the real token of the demo realm's market-regulation officer of Shache. */
class CateringIntegrationTests extends IntegrationTest {

    private static final String PATH = "/api/dust/v1/restaurants";

    private static Map<String, Object> restaurant(String id, int heads, String status, Double efficiency, double[] at) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "id",
                id,
                "name",
                "测试餐馆 " + id,
                "address",
                "城北",
                "lon",
                at[0],
                "lat",
                at[1],
                "cookingHeads",
                heads,
                "purifierModel",
                "JX-200",
                "purifierStatus",
                status,
                "onlineMonitor",
                true));
        if (efficiency != null) {
            body.put("purifierEfficiency", efficiency);
        }
        return body;
    }

    private WebTestClient.ResponseSpec post(DemoIdentity who, String path, Object body) {
        return http.post()
                .uri(path)
                .header("Authorization", token(who))
                .bodyValue(body)
                .exchange();
    }

    @Test
    void aPurifierShortOfItsClassOrAFumeReadingOverTheLimitIsAViolation() {
        String ok = unique("rest");
        post(DemoIdentity.MARKET_SHACHE, PATH, restaurant(ok, 4, "running", 75.0, SHACHE))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.sizeClass")
                .isEqualTo("medium");
        assertThat(events("lantian.dust.catering-violation.v1", "restaurant/" + ok))
                .isEmpty();

        // Six heads make a large premises, which needs 85 %: 80 % falls short.
        String weak = unique("rest");
        post(DemoIdentity.MARKET_SHACHE, PATH, restaurant(weak, 6, "running", 80.0, SHACHE))
                .expectStatus()
                .isCreated();
        assertThat(events("lantian.dust.catering-violation.v1", "restaurant/" + weak))
                .singleElement()
                .asString()
                .contains("\"kind\":\"purifier-insufficient\"", "\"sizeClass\":\"large\"", "\"limit\":85.0");

        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        post(
                        DemoIdentity.MARKET_SHACHE,
                        PATH + "/readings",
                        List.of(
                                reading(ok, hour.plusSeconds(600), 2.0),
                                reading(ok, hour.plusSeconds(1200), 2.4),
                                reading(ok, hour.plusSeconds(1800), 3.1)))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.received")
                .isEqualTo(3)
                .jsonPath("$.violations")
                .isEqualTo(1);
        // 2.0 mg/m³ is the limit itself and allowed; one violation per hour, at its first reading over the limit.
        assertThat(events("lantian.dust.catering-violation.v1", "restaurant/" + ok))
                .singleElement()
                .asString()
                .contains("\"kind\":\"fume-over-limit\"", "\"value\":2.4", "\"agency\":\"market-regulation\"");
        assertThat(awaitPublished("restaurant/" + ok)).isEqualTo(1);
    }

    @Test
    void premisesOutsideTheWritersCountyAreRefusedAndOtherAgenciesCannotWrite() {
        post(DemoIdentity.MARKET_SHACHE, PATH, restaurant(unique("rest"), 2, "removed", null, KASHGAR))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType("application/problem+json");
        post(DemoIdentity.HOUSING_SHACHE, PATH, restaurant(unique("rest"), 2, "running", 60.0, SHACHE))
                .expectStatus()
                .isForbidden();

        String mine = unique("rest");
        post(DemoIdentity.MARKET_SHACHE, PATH, restaurant(mine, 2, "removed", null, SHACHE))
                .expectStatus()
                .isCreated();
        assertThat(events("lantian.dust.catering-violation.v1", "restaurant/" + mine))
                .singleElement()
                .asString()
                .contains("\"kind\":\"purifier-removed\"");
        http.get()
                .uri(PATH + "/" + mine)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sizeClass")
                .isEqualTo("small");
        http.get()
                .uri(PATH + "/" + mine)
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri(PATH + "/" + mine)
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .exchange()
                .expectStatus()
                .isForbidden();
        // Readings and cleanings of premises the writer does not govern name nothing of them.
        post(DemoIdentity.ECO_SHACHE, PATH + "/" + mine + "/cleanings", Map.of("cleanedOn", today()))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void theOfficerReplacesTheirPremisesAndRecordsCleanings() {
        String id = unique("rest");
        post(DemoIdentity.MARKET_SHACHE, PATH, restaurant(id, 2, "running", 60.0, SHACHE))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.sizeClass")
                .isEqualTo("small");
        assertThat(events("lantian.dust.catering-violation.v1", "restaurant/" + id))
                .isEmpty();
        // Four cooking heads make it medium, so 60 % is now short of the 75 % required.
        http.put()
                .uri(PATH + "/" + id)
                .header("Authorization", token(DemoIdentity.MARKET_SHACHE))
                .bodyValue(restaurant(id, 4, "running", 60.0, SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sizeClass")
                .isEqualTo("medium");
        assertThat(events("lantian.dust.catering-violation.v1", "restaurant/" + id))
                .singleElement()
                .asString()
                .contains("\"kind\":\"purifier-insufficient\"", "\"limit\":75.0");

        post(DemoIdentity.MARKET_SHACHE, PATH + "/" + id + "/cleanings", Map.of("cleanedOn", today()))
                .expectStatus()
                .isCreated();
        post(DemoIdentity.MARKET_SHACHE, PATH + "/" + id + "/cleanings", Map.of("cleanedOn", today()))
                .expectStatus()
                .isOk();
        post(DemoIdentity.MARKET_SHACHE, PATH + "/" + id + "/cleanings", Map.of("cleanedOn", "yesterday"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("cleanedOn");
    }

    private static Map<String, Object> reading(String restaurant, Instant at, double value) {
        return Map.of(
                "restaurantId", restaurant, "at", at.atOffset(ZoneOffset.UTC).toString(), "fumeMgM3", value);
    }

    private static String today() {
        return LocalDate.now().toString();
    }
}
