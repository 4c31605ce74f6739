package cn.lantian.airquality.aqi;

import static cn.lantian.airquality.aqi.Hj633BreakpointTests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** The worked examples of EPA-454/B-24-002 (May 2024), with concentrations given in µg/m³ as the calculator takes them. */
class Epa2024Tests {

    private static final AqiStandard EPA = AqiStandards.load().byId("EPA-2024").orElseThrow();

    /** µg/m³ (mg/m³ for CO) that converts back to the given ppm/ppb at 25 °C. */
    private static String micrograms(String tableValue, String molecularWeight) {
        return new BigDecimal(tableValue)
                .multiply(new BigDecimal(molecularWeight))
                .divide(new BigDecimal("24.45"), MathContext.DECIMAL64)
                .toPlainString();
    }

    @Test
    void ozoneEightHourIsTruncatedThenRoundedToNearest() {
        // 0.07853333 ppm truncates to 0.078: 49 / 0.014 * 0.007 + 101 = 125.5 -> 126
        String o3 = micrograms("78.53333", "47.998");
        assertThat(EPA.compute(values(Indicator.O3_8H, o3)).aqi()).isEqualTo(126);
    }

    @Test
    void severalPollutantsGiveTheHighestWithItsMainPollutant() {
        AqiResult result = EPA.compute(values(
                Indicator.O3_8H,
                micrograms("78.0", "47.998"),
                Indicator.PM25_24H,
                "35.9",
                Indicator.CO_8H,
                micrograms("8.45", "28.010")));
        assertThat(result.subIndices()).extracting(SubIndex::iaqi).containsExactlyInAnyOrder(126, 102, 90);
        assertThat(result.aqi()).isEqualTo(126);
        assertThat(result.primary()).containsExactly(Pollutant.O3);
        assertThat(result.standard()).isEqualTo("EPA-2024");
    }

    @Test
    void ozoneOneHourCountsOnlyFromItsFirstBreakpoint() {
        AqiResult both = EPA.compute(
                values(Indicator.O3_1H, micrograms("162.4", "47.998"), Indicator.O3_8H, micrograms("78.4", "47.998")));
        // The document prints 148 for 0.162 ppm, but its Equation 1 gives 49 / 0.039 * 0.037 + 101 = 147.49 -> 147.
        assertThat(both.aqi()).isEqualTo(147);
        AqiResult low = EPA.compute(
                values(Indicator.O3_1H, micrograms("104.4", "47.998"), Indicator.O3_8H, micrograms("78.4", "47.998")));
        assertThat(low.aqi()).isEqualTo(126);
        assertThat(low.subIndices())
                .filteredOn(s -> s.indicator() == Indicator.O3_1H)
                .singleElement()
                .satisfies(s -> assertThat(s.iaqi()).isNull());
    }

    @Test
    void pmBreakpointsOfThe2024Revision() {
        assertThat(EPA.iaqi(Indicator.PM25_24H, new BigDecimal("9.0"))).contains(50);
        assertThat(EPA.iaqi(Indicator.PM25_24H, new BigDecimal("9.1"))).contains(51);
        assertThat(EPA.iaqi(Indicator.PM25_24H, new BigDecimal("9.09"))).contains(50);
        assertThat(EPA.iaqi(Indicator.PM25_24H, new BigDecimal("225.5"))).contains(301);
        assertThat(EPA.iaqi(Indicator.PM25_24H, new BigDecimal("325.4"))).contains(500);
        // Above the top, Equation 1 continues on the hazardous row.
        // 199 / 99.9 * (425.3 - 225.5) + 301 = 699
        assertThat(EPA.iaqi(Indicator.PM25_24H, new BigDecimal("425.3"))).contains(699);
        assertThat(EPA.iaqi(Indicator.PM10_24H, new BigDecimal("54.9"))).contains(50);
        assertThat(EPA.iaqi(Indicator.PM10_24H, new BigDecimal("604"))).contains(500);
    }

    @Test
    void sulphurDioxideFromThreeHundredFivePpbUsesTheDailyMeanOrIsFixedAtTwoHundred() {
        assertThat(EPA.compute(values(Indicator.SO2_1H, micrograms("304", "64.066")))
                        .aqi())
                .isEqualTo(200);
        assertThat(EPA.compute(values(Indicator.SO2_1H, micrograms("400", "64.066")))
                        .aqi())
                .isEqualTo(200);
        AqiResult daily = EPA.compute(values(
                Indicator.SO2_1H, micrograms("700", "64.066"), Indicator.SO2_24H, micrograms("604.5", "64.066")));
        assertThat(daily.aqi()).isEqualTo(300);
    }

    @Test
    void hazardousIsMaroon() {
        assertThat(EPA.category(301).nameEn()).isEqualTo("Hazardous");
        assertThat(EPA.category(301).rgb()).isEqualTo("#7E0023");
        assertThat(EPA.category(150).nameEn()).isEqualTo("Unhealthy for Sensitive Groups");
    }
}
