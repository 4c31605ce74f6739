package cn.lantian.stationary.permit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.stationary.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

class PermitIntegrationTests extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    PermitService service;

    @Autowired
    TransactionalOperator tx;

    private String issue(String enterprise, LocalDate until, List<Map<String, Object>> limits) {
        String number = ("P" + unique("x").replace("-", "")).toUpperCase() + "001P";
        http.post()
                .uri("/api/stationary/v1/permits")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of(
                        "number",
                        number,
                        "enterpriseId",
                        enterprise,
                        "validFrom",
                        "2023-01-01",
                        "validUntil",
                        until.toString(),
                        "limits",
                        limits))
                .exchange()
                .expectStatus()
                .isCreated();
        return number;
    }

    @Test
    void issueChangeRenewRevokeEachRaiseTheirEventAndKeepHistory() {
        String enterprise = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        String outlet = facility(
                DemoIdentity.ECO_SHACHE,
                enterprise,
                "outlet",
                SHACHE,
                Map.of("code", "DA001", "sourceKind", "gas-boiler"));
        String number = issue(enterprise, TODAY.plusYears(2), List.of());
        assertThat(events("lantian.stationary.permit-issued.v1", "permit/" + number))
                .hasSize(1);

        http.put()
                .uri("/api/stationary/v1/permits/{n}", number)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of(
                        "enterpriseId",
                        enterprise,
                        "validFrom",
                        "2023-01-01",
                        "validUntil",
                        TODAY.plusYears(2).toString(),
                        "limits",
                        List.of(Map.of("outletId", outlet, "pollutant", "NOx", "limitMgM3", 50, "yearlyT", 3.5))))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.limits[0].limitMgM3")
                .isEqualTo(50.0);
        http.post()
                .uri("/api/stationary/v1/permits/{n}/renewal", number)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of("validUntil", TODAY.plusYears(7).toString()))
                .exchange()
                .expectStatus()
                .isOk();
        http.post()
                .uri("/api/stationary/v1/permits/{n}/revocation", number)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of("reason", "超标排放 repeated exceedances"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("revoked");
        assertThat(events("lantian.stationary.permit-changed.v1", "permit/" + number))
                .hasSize(1);
        assertThat(events("lantian.stationary.permit-renewed.v1", "permit/" + number))
                .hasSize(1);
        assertThat(events("lantian.stationary.permit-revoked.v1", "permit/" + number))
                .singleElement()
                .asString()
                .contains("repeated exceedances");
        http.get()
                .uri("/api/stationary/v1/permits/{n}/history", number)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(4);
    }

    @Test
    void limitsNameEachBadField() {
        String enterprise = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        http.post()
                .uri("/api/stationary/v1/permits")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of(
                        "number",
                        "x",
                        "enterpriseId",
                        enterprise,
                        "validFrom",
                        "2025-01-01",
                        "validUntil",
                        "2024-01-01",
                        "limits",
                        List.of(Map.of("outletId", "o", "pollutant", "Hg", "limitMgM3", 0))))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'number')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'validUntil')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'limits[0].pollutant')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'limits[0].limitMgM3')]")
                .exists();
    }

    @Test
    void warnsOnceNinetyDaysBeforeExpiryAndExpiresAfterTheLastDay() {
        String enterprise = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        String in90 = issue(enterprise, TODAY.plusDays(90), List.of());
        String in91 = issue(enterprise, TODAY.plusDays(91), List.of());
        String endsToday = issue(enterprise, TODAY, List.of());
        String endedYesterday = issue(enterprise, TODAY.minusDays(1), List.of());

        service.expireAndWarn(tx::transactional).collectList().block();
        service.expireAndWarn(tx::transactional).collectList().block();

        assertThat(events("lantian.stationary.permit-expiry-warning.v1", "permit/" + in90))
                .singleElement()
                .asString()
                .contains("\"daysLeft\":90");
        assertThat(events("lantian.stationary.permit-expiry-warning.v1", "permit/" + in91))
                .isEmpty();
        assertThat(events("lantian.stationary.permit-expiry-warning.v1", "permit/" + endsToday))
                .singleElement()
                .asString()
                .contains("\"daysLeft\":0");
        assertThat(events("lantian.stationary.permit-expired.v1", "permit/" + endsToday))
                .isEmpty();
        assertThat(events("lantian.stationary.permit-expired.v1", "permit/" + endedYesterday))
                .hasSize(1);
        http.get()
                .uri("/api/stationary/v1/permits/{n}", endedYesterday)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("expired");
    }

    @Test
    void publicDisclosureShowsPermitsWithoutPrivateFields() {
        String enterprise = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        String number = issue(enterprise, TODAY.plusYears(1), List.of());
        http.get()
                .uri("/api/public/v1/enterprises/{id}", enterprise)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.permits[0].number")
                .isEqualTo(number)
                .jsonPath("$.county")
                .isEqualTo("653125")
                .jsonPath("$.ultraLow")
                .isEqualTo("not-started")
                .jsonPath("$.creditCode")
                .doesNotExist()
                .jsonPath("$.updatedBy")
                .doesNotExist()
                .jsonPath("$.lon")
                .doesNotExist();
    }
}
