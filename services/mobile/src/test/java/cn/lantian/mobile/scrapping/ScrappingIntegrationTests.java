package cn.lantian.mobile.scrapping;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.mobile.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scrapping lists at the China IV edge, per county, and deregistration raising truck-scrapped. */
class ScrappingIntegrationTests extends IntegrationTest {

    private static final String SCRAPPED = "lantian.mobile.truck-scrapped.v1";

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listed(DemoIdentity who, String plate) {
        Map<?, ?> page = http.get()
                .uri("/api/mobile/v1/scrapping/obligations?plate={p}", plate)
                .header("Authorization", token(who))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    @Test
    void theListTakesTheTruckCertifiedTheDayBeforeChinaIvAndNotTheOneOfThatDay() {
        String before = plate();
        String onTheDay = plate();
        register(
                DemoIdentity.ECO_SHACHE,
                vehicle(before, "heavy-truck", "diesel", "China IV", "2014-12-31", true, "653125"));
        register(
                DemoIdentity.ECO_SHACHE,
                vehicle(onTheDay, "heavy-truck", "diesel", "China IV", "2015-01-01", true, "653125"));
        assertThat(listed(DemoIdentity.ECO_SHACHE, before))
                .singleElement()
                .satisfies(o -> assertThat(o).containsEntry("reason", ScrappingRule.OLD_DIESEL));
        assertThat(listed(DemoIdentity.ECO_SHACHE, onTheDay)).isEmpty();
        assertThat(listed(DemoIdentity.POLICE_KASHGAR, before))
                .as("another county does not see it")
                .isEmpty();
    }

    @Test
    void deregisteringAListedTruckRaisesTruckScrappedAndCountsAsProgress() {
        String plate = plate();
        String id = register(
                DemoIdentity.ECO_SHACHE,
                vehicle(plate, "heavy-truck", "diesel", "China III", "2011-06-01", true, "653125"));

        // Another county's officer finds nothing to deregister; the owner's county does it once.
        http.post()
                .uri("/api/mobile/v1/vehicles/" + id + "/deregistration")
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .bodyValue(Map.of("date", "2026-01-05"))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.post()
                .uri("/api/mobile/v1/vehicles/" + id + "/deregistration")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of("date", "2026-01-05"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("deregistered")
                .jsonPath("$.version")
                .isEqualTo(2);
        http.post()
                .uri("/api/mobile/v1/vehicles/" + id + "/deregistration")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of("date", "2026-01-06"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);

        assertThat(events(SCRAPPED, "vehicle/" + plate))
                .singleElement()
                .asString()
                .contains(
                        "\"date\":\"2026-01-05\"", "\"emissionStandard\":\"China III\"", "\"jurisdiction\":\"653125\"");
        assertThat(listed(DemoIdentity.ECO_SHACHE, plate)).isEmpty();
        http.get()
                .uri("/api/mobile/v1/scrapping/progress")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.unit == '653125')].scrapped")
                .value(v -> assertThat(((List<Integer>) v).get(0)).isPositive())
                .jsonPath("$[?(@.unit == '653101')]")
                .isEmpty();
    }

    @Test
    void aTruckScrappedTodayCountsAgainstTheCountysAnnualQuota() {
        String id = register(
                DemoIdentity.ECO_SHACHE,
                vehicle(plate(), "medium-truck", "diesel", "China III", "2012-03-01", true, "653125"));
        long before = thisYear("653125");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        // The quota year is Beijing's: in the first hours of 1 January there, today (UTC) still lies in the old year.
        long counted = today.getYear()
                        == java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                                .getYear()
                ? 1
                : 0;
        http.post()
                .uri("/api/mobile/v1/vehicles/" + id + "/deregistration")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of("date", today.toString()))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(thisYear("653125")).isEqualTo(before + counted);
        http.get()
                .uri("/api/mobile/v1/scrapping/progress")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.unit == '653125')].quota")
                .isEqualTo(List.of(10))
                .jsonPath("$[?(@.unit == '653125')].quotaStatus")
                .isEqualTo(List.of("unconfirmed"))
                .jsonPath("$[?(@.unit == '653125')].quotaShare")
                .value(v -> assertThat(((List<Number>) v).get(0).doubleValue()).isEqualTo((before + counted) / 10.0))
                .jsonPath("$[?(@.unit == '653101')]")
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private long thisYear(String unit) {
        List<Map<String, Object>> rows = http.get()
                .uri("/api/mobile/v1/scrapping/progress")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        return rows.stream()
                .filter(r -> unit.equals(r.get("unit")))
                .mapToLong(r -> ((Number) r.get("scrappedThisYear")).longValue())
                .findFirst()
                .orElse(0);
    }

    @Test
    void deregisteringAVehicleWithoutObligationRaisesNothing() {
        String plate = plate();
        String id = register(
                DemoIdentity.ECO_SHACHE, vehicle(plate, "car", "petrol", "China V", "2018-06-01", false, "653125"));
        http.post()
                .uri("/api/mobile/v1/vehicles/" + id + "/deregistration")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of("date", "2026-01-05"))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(events(SCRAPPED, "vehicle/" + plate)).isEmpty();
    }
}
