package cn.lantian.stationary.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OxygenTests {

    private final MonitoringTables tables = MonitoringTables.load();

    @Test
    void convertsCoalBoilerValueToNinePercent() {
        // 100 mg/m3 at 12 % O2 is 100 * (21 - 9) / (21 - 12) = 133.33 at 9 %.
        assertThat(Oxygen.toReference(100, 12.0, 9.0).getAsDouble()).isCloseTo(133.333, within(0.001));
    }

    @Test
    void measuredAtReferenceOxygenIsUnchanged() {
        assertThat(Oxygen.toReference(42, 3.5, 3.5).getAsDouble()).isEqualTo(42.0);
    }

    @Test
    void valueBelowReferenceOxygenIsScaledDown() {
        // 60 mg/m3 at 1.5 % O2 on a gas boiler: 60 * 17.5 / 19.5 = 53.85.
        assertThat(Oxygen.toReference(60, 1.5, 3.5).getAsDouble()).isCloseTo(53.846, within(0.001));
    }

    @Test
    void noReferenceTakesTheMeasuredValue() {
        assertThat(Oxygen.toReference(7, null, null).getAsDouble()).isEqualTo(7.0);
    }

    @Test
    void cannotConvertWithoutOxygenOrAtAirOxygen() {
        assertThat(Oxygen.toReference(7, null, 9.0)).isEmpty();
        assertThat(Oxygen.toReference(7, 21.0, 9.0)).isEmpty();
    }

    @Test
    void referenceOxygenTableNamesSourcesForEveryKind() {
        assertThat(tables.oxygen("coal-boiler").orElseThrow().o2()).isEqualTo(9.0);
        assertThat(tables.oxygen("gas-boiler").orElseThrow().o2()).isEqualTo(3.5);
        assertThat(tables.oxygen("pellet-sinter").orElseThrow().o2()).isEqualTo(16.0);
        assertThat(tables.oxygen("cement-kiln").orElseThrow().o2()).isEqualTo(10.0);
        assertThat(tables.oxygen("industrial").orElseThrow().o2()).isNull();
        assertThat(tables.oxygen("coal-boiler").orElseThrow().source()).contains("GB 13271");
    }

    @Test
    void onlyNormalFlagIsValid() {
        assertThat(tables.valid("N")).isTrue();
        for (String flag : new String[] {"M", "C", "D", "F", "P", "T", "S", "B"}) {
            assertThat(tables.valid(flag)).as(flag).isFalse();
            assertThat(tables.knownFlag(flag)).as(flag).isTrue();
        }
        assertThat(tables.knownFlag("X")).isFalse();
    }
}
