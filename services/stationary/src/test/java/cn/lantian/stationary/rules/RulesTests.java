package cn.lantian.stationary.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.reference.NamedEnterprises;
import cn.lantian.reference.Placement;
import cn.lantian.stationary.registry.Enterprise;
import cn.lantian.stationary.registry.Facility;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Rules rules = new Rules(RuleTable.load(), NamedEnterprises.load());

    private static Facility facility(String kind, String status, String attributes) {
        return new Facility(
                "f-1",
                kind,
                "ent-1",
                null,
                "test",
                status,
                new Placement("653101", null),
                75.99,
                39.47,
                JSON.readTree(attributes),
                1,
                Instant.EPOCH,
                "test");
    }

    private static Facility boiler(String fuel, double tph, boolean builtUp, String extra) {
        return facility(
                "boiler",
                "operating",
                "{\"fuel\":\"" + fuel + "\",\"capacityTph\":" + tph + ",\"builtUp\":" + builtUp
                        + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    private List<String> broken(Facility f) {
        return rules.broken(f, TODAY).stream().map(Rule::id).toList();
    }

    @Test
    void urbanCoalBoilerOfExactly35IsPhasedOutAnd35Point1IsNot() {
        assertThat(broken(boiler("coal", 35, true, ""))).contains("boiler-coal-urban-phase-out");
        assertThat(broken(boiler("coal", 35.1, true, ""))).doesNotContain("boiler-coal-urban-phase-out");
    }

    @Test
    void ruralCoalBoilerOfExactly10IsPhasedOutAnd10Point1IsNot() {
        assertThat(broken(boiler("coal", 10, false, ""))).contains("boiler-coal-phase-out");
        assertThat(broken(boiler("coal", 10.1, false, ""))).doesNotContain("boiler-coal-phase-out");
        // 20 t/h in the countryside stays; in a built-up area it goes.
        assertThat(broken(boiler("coal", 20, false, "")))
                .doesNotContain("boiler-coal-phase-out", "boiler-coal-urban-phase-out");
        assertThat(broken(boiler("coal", 20, true, ""))).contains("boiler-coal-urban-phase-out");
    }

    @Test
    void biomassBoilerOfExactly2IsPhasedOutWhereverItStands() {
        assertThat(broken(boiler("biomass", 2, false, ""))).contains("boiler-biomass-phase-out");
        assertThat(broken(boiler("biomass", 2, true, ""))).contains("boiler-biomass-phase-out");
        assertThat(broken(boiler("biomass", 2.1, true, ""))).doesNotContain("boiler-biomass-phase-out");
    }

    @Test
    void phasedOutBoilerHasNoFinding() {
        Facility retired = facility("boiler", "phased-out", "{\"fuel\":\"coal\",\"capacityTph\":4,\"builtUp\":true}");
        assertThat(broken(retired)).isEmpty();
    }

    @Test
    void coalBoilerOf65NeedsUltraLowAnd64Point9DoesNot() {
        assertThat(broken(boiler("coal", 65, false, ""))).contains("boiler-coal-ultra-low");
        assertThat(broken(boiler("coal", 65, false, "\"ultraLow\":true"))).doesNotContain("boiler-coal-ultra-low");
        assertThat(broken(boiler("coal", 64.9, false, ""))).doesNotContain("boiler-coal-ultra-low");
    }

    @Test
    void gasAndBiomassBoilerNoxAbove50IsAFindingAndExactly50IsNot() {
        assertThat(broken(boiler("gas", 5, true, "\"noxMgM3\":50"))).doesNotContain("boiler-gas-low-nox");
        assertThat(broken(boiler("gas", 5, true, "\"noxMgM3\":50.1"))).contains("boiler-gas-low-nox");
        assertThat(broken(boiler("biomass", 5, true, "\"noxMgM3\":50.1,\"dustRemoval\":\"bag\"")))
                .containsExactly("boiler-biomass-nox");
        assertThat(broken(boiler("gas", 5, true, ""))).doesNotContain("boiler-gas-low-nox");
    }

    @Test
    void cemsRequiredFrom20TonnesPerHour() {
        assertThat(broken(boiler("coal", 20, false, ""))).contains("boiler-coal-cems");
        assertThat(broken(boiler("coal", 19.9, false, ""))).doesNotContain("boiler-coal-cems");
        assertThat(broken(boiler("coal", 20, false, "\"cems\":[\"PM\",\"SO2\"]")))
                .contains("boiler-coal-cems");
        assertThat(broken(boiler("coal", 20, false, "\"cems\":[\"PM\",\"SO2\",\"NOx\"]")))
                .doesNotContain("boiler-coal-cems");
        assertThat(broken(boiler("gas", 20, false, ""))).contains("boiler-gas-cems");
        assertThat(broken(boiler("gas", 20, false, "\"cems\":[\"NOx\"]"))).doesNotContain("boiler-gas-cems");
        assertThat(broken(boiler("gas", 19.9, false, ""))).doesNotContain("boiler-gas-cems");
        assertThat(broken(boiler("biomass", 20, false, "\"dustRemoval\":\"bag\"")))
                .containsExactly("boiler-biomass-cems");
    }

    @Test
    void biomassBoilerNeedsBagOrElectrostaticDustRemoval() {
        assertThat(broken(boiler("biomass", 5, false, "\"dustRemoval\":\"cyclone\"")))
                .contains("boiler-biomass-dust-removal");
        assertThat(broken(boiler("biomass", 5, false, "\"dustRemoval\":\"electrostatic\"")))
                .isEmpty();
    }

    private static Facility station(String kind, double sales, String extra) {
        return facility(
                kind,
                "operating",
                "{\"petrolSalesTpy\":" + sales + ",\"vapourRecovery\":true" + (extra.isEmpty() ? "" : "," + extra)
                        + "}");
    }

    @Test
    void petrolStationTestsVapourRecoveryEvery365Days() {
        String tested365 = "\"lastVapourTest\":\"" + TODAY.minusDays(365) + "\"";
        String tested366 = "\"lastVapourTest\":\"" + TODAY.minusDays(366) + "\"";
        assertThat(broken(station("petrol-station", 1000, tested365))).isEmpty();
        assertThat(broken(station("petrol-station", 1000, tested366))).containsExactly("petrol-station-vapour-test");
        assertThat(broken(station("petrol-station", 1000, ""))).containsExactly("petrol-station-vapour-test");
    }

    @Test
    void stationsSellingOver5000TonnesAndEveryDepotNeedAutomaticMonitoring() {
        String tested = "\"lastVapourTest\":\"" + TODAY.minusDays(10) + "\"";
        assertThat(broken(station("petrol-station", 5000, tested))).isEmpty();
        assertThat(broken(station("petrol-station", 5000.1, tested)))
                .containsExactly("petrol-station-vapour-monitoring");
        assertThat(broken(station("petrol-station", 6000, tested + ",\"autoMonitoring\":true")))
                .isEmpty();
        assertThat(broken(station("oil-depot", 100, ""))).containsExactly("oil-depot-vapour-monitoring");
        assertThat(broken(facility(
                        "oil-depot",
                        "operating",
                        "{\"petrolSalesTpy\":1,\"vapourRecovery\":false,\"autoMonitoring\":true}")))
                .containsExactly("oil-depot-vapour-recovery");
    }

    private static Enterprise enterprise(String id, String ultraLow) {
        return new Enterprise(
                id,
                "x",
                "n",
                "steel",
                "B",
                ultraLow,
                new Placement("653122", null),
                76,
                39.4,
                1,
                Instant.EPOCH,
                "test");
    }

    @Test
    void namedEnterprisesMustStartUltraLowRetrofit() {
        assertThat(rules.broken(enterprise("ent-jinling", "not-started")))
                .extracting(Rule::id)
                .containsExactly("named-enterprise-ultra-low");
        assertThat(rules.broken(enterprise("ent-jinling", "started"))).isEmpty();
        assertThat(rules.broken(enterprise("ent-other", "not-started"))).isEmpty();
    }

    @Test
    void everyRuleNamesItsSource() {
        assertThat(RuleTable.load().all())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.source()).isNotBlank());
    }
}
