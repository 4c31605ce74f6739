package cn.lantian.mobile.scrapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.reference.Csv;
import cn.lantian.reference.Placement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The scrapping rule at its edges, with the shipped stage dates. */
class ScrappingRuleTests {

    private final ScrappingRule rule = new ScrappingRule();

    private static Vehicle vehicle(String kind, String fuel, String stage, LocalDate certified, boolean freight) {
        return new Vehicle(
                "v",
                "新Q·T0001",
                "LZZ1CLVB7AW000001",
                kind,
                fuel,
                stage,
                certified,
                freight,
                "owner",
                "653125",
                "registered",
                null,
                1,
                Instant.EPOCH,
                "test",
                new Placement("653125", null));
    }

    @Test
    void bothChinaIvDatesAreKeptAndTheLaterOneIsUsed() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("rules/china-iv-dates.csv")) {
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(Csv.read(csv))
                    .filteredOn(r -> r.get("stage").equals("China IV"))
                    .extracting(r -> r.get("applies_to_all_from"))
                    .containsExactlyInAnyOrder("2013-07-01", "2015-01-01");
            assertThat(Csv.read(csv))
                    .allSatisfy(r -> assertThat(r.get("source")).isNotBlank());
        }
        assertThat(rule.chinaIvForAll()).isEqualTo(LocalDate.of(2015, 1, 1));
    }

    @Test
    void anOperatingDieselTruckCertifiedTheDayBeforeChinaIvAppliedToAllMustBeScrapped() {
        LocalDate dayBefore = rule.chinaIvForAll().minusDays(1);
        assertThat(rule.reasonFor(vehicle("heavy-truck", "diesel", "China IV", dayBefore, true)))
                .contains(ScrappingRule.OLD_DIESEL);
    }

    @Test
    void oneCertifiedTheDayChinaIvAppliedToAllNeedNot() {
        assertThat(rule.reasonFor(vehicle("heavy-truck", "diesel", "China IV", rule.chinaIvForAll(), true)))
                .isEmpty();
    }

    @Test
    void aTruckRecordedAtChinaIiiIsListedWhateverItsDate() {
        assertThat(rule.reasonFor(vehicle(
                        "medium-truck",
                        "diesel",
                        "China III",
                        rule.chinaIvForAll().plusDays(3),
                        true)))
                .contains(ScrappingRule.OLD_DIESEL);
    }

    @Test
    void onlyOperatingDieselTrucksAreListedUnderTheDieselRule() {
        LocalDate old = LocalDate.of(2010, 1, 1);
        assertThat(rule.reasonFor(vehicle("heavy-truck", "diesel", "China III", old, false)))
                .isEmpty();
        assertThat(rule.reasonFor(vehicle("bus", "diesel", "China III", old, true)))
                .isEmpty();
        assertThat(rule.reasonFor(vehicle("heavy-truck", "petrol", "China III", old, true)))
                .isEmpty();
    }

    @Test
    void everyLeanBurnOrConvertedGasVehicleIsListed() {
        LocalDate recent = LocalDate.of(2020, 1, 1);
        assertThat(rule.reasonFor(vehicle("car", "lean-burn-gas", "China V", recent, false)))
                .contains(ScrappingRule.OLD_GAS);
        assertThat(rule.reasonFor(vehicle("bus", "converted-petrol-gas", "China V", recent, false)))
                .contains(ScrappingRule.OLD_GAS);
        assertThat(rule.reasonFor(vehicle("bus", "gas", "China V", recent, false)))
                .isEmpty();
    }

    @Test
    void aTableWithoutOneUsedChinaIvDateIsRefused() {
        assertThatThrownBy(() -> new ScrappingRule("stage,applies_to_all_from,used,source\n"
                        + "China IV,2013-07-01,true,a\nChina IV,2015-01-01,true,b\n"))
                .isInstanceOf(IllegalStateException.class);
    }
}
