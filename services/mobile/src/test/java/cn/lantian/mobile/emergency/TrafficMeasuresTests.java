package cn.lantian.mobile.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.mobile.vehicle.Vehicle;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TrafficMeasuresTests {

    private final TrafficMeasures shipped = new TrafficMeasures();

    private static Vehicle truck(String kind, String fuel, String stage) {
        return new Vehicle(
                "v1",
                "新Q·1",
                "VIN",
                kind,
                fuel,
                stage,
                LocalDate.of(2016, 1, 1),
                true,
                "o",
                "653101",
                "registered",
                null,
                1,
                null,
                "t",
                null);
    }

    @Test
    void everyLevelHasMeasuresWithTheirSource() {
        for (String level : TrafficMeasures.LEVELS) {
            assertThat(shipped.of("653101", level))
                    .isNotEmpty()
                    .allSatisfy(m -> assertThat(m.source()).isNotBlank());
        }
    }

    @Test
    void orangeRestrictsChinaIvDieselTrucksAndNotNewerOnesOrPetrol() {
        TrafficMeasures.Measure trucks = shipped.of("653101", "orange").stream()
                .filter(m -> m.id().equals("heavy-diesel-trucks-restricted"))
                .findFirst()
                .orElseThrow();
        assertThat(trucks.covers(truck("heavy-truck", "diesel", "China IV"))).isTrue();
        assertThat(trucks.covers(truck("medium-truck", "diesel", "China III"))).isTrue();
        assertThat(trucks.covers(truck("heavy-truck", "diesel", "China V"))).isFalse();
        assertThat(trucks.covers(truck("heavy-truck", "petrol", "China III"))).isFalse();
        assertThat(trucks.covers(truck("car", "diesel", "China III"))).isFalse();
    }

    @Test
    void aCountysOwnRowsReplaceThePrefecturesForThatLevel() {
        TrafficMeasures m = new TrafficMeasures("""
                county,level,id,restricts,kinds,fuels,stagesUpTo,measure,source,status
                653100,orange,a,truck,heavy-truck,diesel,China IV,prefecture,plan,unconfirmed
                653125,orange,b,truck,heavy-truck,diesel,China V,Shache's own,county plan,unconfirmed
                """);
        assertThat(m.of("653125", "orange"))
                .extracting(TrafficMeasures.Measure::id)
                .containsExactly("b");
        assertThat(m.of("653101", "orange"))
                .extracting(TrafficMeasures.Measure::id)
                .containsExactly("a");
    }

    @Test
    void aRowWithoutSourceOrWithAnUnknownStageIsRefused() {
        assertThatThrownBy(() -> new TrafficMeasures("""
                        county,level,id,restricts,kinds,fuels,stagesUpTo,measure,source,status
                        653100,orange,a,truck,heavy-truck,diesel,China IV,m,,unconfirmed
                        """)).hasMessageContaining("no source for a");
        assertThatThrownBy(() -> new TrafficMeasures("""
                        county,level,id,restricts,kinds,fuels,stagesUpTo,measure,source,status
                        653100,orange,a,truck,heavy-truck,diesel,China 9,m,s,unconfirmed
                        """)).hasMessageContaining("names no emission stage");
    }
}
