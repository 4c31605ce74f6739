package cn.lantian.dust.catering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.security.Caller;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.web.Forbidden;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Catering premises against the real database and outbox. The demo realm has no market-regulation user yet, so the
 * writer is a market-regulation caller of Shache handed to the service; the HTTP tests check the agency gate.
 */
class CateringIntegrationTests extends IntegrationTest {

    private static final Caller MARKET_SHACHE =
            new Caller("market-shache", Set.of("market-regulation"), "county", "653125", false);

    @Autowired
    CateringService service;

    private Restaurant restaurant(String id, int heads, String status, String efficiency, double[] at) {
        return service.check(
                new CateringService.RestaurantInput(
                        id,
                        "测试餐馆 " + id,
                        null,
                        "城北",
                        at[0],
                        at[1],
                        heads,
                        "JX-200",
                        efficiency == null ? null : new BigDecimal(efficiency),
                        status,
                        true),
                null);
    }

    @Test
    void aPurifierShortOfItsClassOrAFumeReadingOverTheLimitIsAViolation() {
        String ok = unique("rest");
        service.save(MARKET_SHACHE, restaurant(ok, 4, "running", "75", SHACHE)).block();
        assertThat(events("lantian.dust.catering-violation.v1", "restaurant/" + ok))
                .isEmpty();

        String weak = unique("rest");
        service.save(MARKET_SHACHE, restaurant(weak, 6, "running", "80", SHACHE))
                .block();
        assertThat(events("lantian.dust.catering-violation.v1", "restaurant/" + weak))
                .singleElement()
                .asString()
                .contains("\"kind\":\"purifier-insufficient\"", "\"sizeClass\":\"large\"", "\"limit\":85.0");

        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        int raised = service.readings(
                        MARKET_SHACHE,
                        List.of(
                                new FumeReading(ok, hour.plusSeconds(600), 2.0),
                                new FumeReading(ok, hour.plusSeconds(1200), 2.4),
                                new FumeReading(ok, hour.plusSeconds(1800), 3.1)))
                .block();
        assertThat(raised).as("one violation per hour").isEqualTo(1);
        assertThat(events("lantian.dust.catering-violation.v1", "restaurant/" + ok))
                .singleElement()
                .asString()
                .contains("\"kind\":\"fume-over-limit\"", "\"value\":2.4", "\"agency\":\"market-regulation\"");
        assertThat(awaitPublished("restaurant/" + ok)).isEqualTo(1);
    }

    @Test
    void premisesOutsideTheWritersCountyAreRefusedAndOtherAgenciesCannotWrite() {
        assertThatThrownBy(() -> service.save(MARKET_SHACHE, restaurant(unique("rest"), 2, "removed", null, KASHGAR))
                        .block())
                .isInstanceOf(Forbidden.class);
        http.post()
                .uri("/api/dust/v1/restaurants")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "id", unique("rest"), "name", "x", "cookingHeads", 2, "lon", SHACHE[0], "lat", SHACHE[1]))
                .exchange()
                .expectStatus()
                .isForbidden();
        String mine = unique("rest");
        service.save(MARKET_SHACHE, restaurant(mine, 2, "removed", null, SHACHE))
                .block();
        assertThat(events("lantian.dust.catering-violation.v1", "restaurant/" + mine))
                .singleElement()
                .asString()
                .contains("\"kind\":\"purifier-removed\"");
        http.get()
                .uri("/api/dust/v1/restaurants/" + mine)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sizeClass")
                .isEqualTo("small");
        http.get()
                .uri("/api/dust/v1/restaurants/" + mine)
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/dust/v1/restaurants/" + mine)
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
