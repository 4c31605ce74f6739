package cn.lantian.airquality.aqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every edge of HJ 633-2012 Table 1, its special cases, rounding up and primary pollutants. */
class Hj633BreakpointTests {

    private static final AqiStandards STANDARDS = AqiStandards.load();
    private static final AqiStandard HJ = STANDARDS.byId("HJ633-2012").orElseThrow();
    private static final int[] LEVELS = {0, 50, 100, 150, 200, 300, 400, 500};

    /** Table 1 typed again from the standard's text, so the data file is checked against an independent copy. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "so2_24h;0 50 150 475 800 1600 2100 2620",
                "so2_1h;0 150 500 650 800",
                "no2_24h;0 40 80 180 280 565 750 940",
                "no2_1h;0 100 200 700 1200 2340 3090 3840",
                "pm10_24h;0 50 150 250 350 420 500 600",
                "co_24h;0 2 4 14 24 36 48 60",
                "co_1h;0 5 10 35 60 90 120 150",
                "o3_1h;0 160 200 300 400 800 1000 1200",
                "o3_8h;0 100 160 215 265 800",
                "pm25_24h;0 35 75 115 150 250 350 500"
            })
    void eachBreakpointGivesItsIndexAndAnyExcessRoundsUp(String key, String breakpoints) {
        Indicator indicator = Indicator.ofKey(key).orElseThrow();
        List<BigDecimal> bps =
                Arrays.stream(breakpoints.split(" ")).map(BigDecimal::new).toList();
        for (int i = 0; i < bps.size(); i++) {
            assertThat(HJ.iaqi(indicator, bps.get(i)))
                    .as("%s at %s", key, bps.get(i))
                    .contains(LEVELS[i]);
            if (i + 1 < bps.size()) {
                // 进位取整: the smallest excess over a breakpoint already reaches the next integer.
                BigDecimal justAbove = bps.get(i).add(new BigDecimal("0.001"));
                assertThat(HJ.iaqi(indicator, justAbove))
                        .as("%s just above %s", key, bps.get(i))
                        .contains(LEVELS[i] + 1);
                BigDecimal justBelow = bps.get(i + 1).subtract(new BigDecimal("0.001"));
                assertThat(HJ.iaqi(indicator, justBelow))
                        .as("%s just below %s", key, bps.get(i + 1))
                        .contains(LEVELS[i + 1]);
            }
        }
    }

    @Test
    void interpolatesLinearlyAndRoundsUp() {
        // PM2.5 80: 100 + (150-100) * (80-75) / (115-75) = 106.25 -> 107
        assertThat(HJ.iaqi(Indicator.PM25_24H, new BigDecimal("80"))).contains(107);
        // PM10 707 is beyond the table: the national centre reports 500
        assertThat(HJ.iaqi(Indicator.PM10_1H, new BigDecimal("707"))).contains(500);
    }

    @Test
    void so2AboveEightHundredIsReportedByItsDailyMean() {
        AqiResult result = HJ.compute(values(Indicator.SO2_1H, "801", Indicator.SO2_24H, "100"));
        SubIndex oneHour = result.subIndices().stream()
                .filter(s -> s.indicator() == Indicator.SO2_1H)
                .findFirst()
                .orElseThrow();
        // 24-hour 100: 50 + 50 * (100-50) / (150-50) = 75
        assertThat(oneHour.iaqi()).isEqualTo(75);
        assertThat(oneHour.note()).contains("so2_24h");
        assertThat(HJ.compute(values(Indicator.SO2_1H, "800")).aqi()).isEqualTo(200);
    }

    @Test
    void so2AboveEightHundredWithoutDailyMeanNamesTheParameter() {
        assertThatThrownBy(() -> HJ.compute(values(Indicator.SO2_1H, "801")))
                .isInstanceOfSatisfying(
                        AqiInputException.class, e -> assertThat(e.parameter()).isEqualTo("so2_1h"))
                .hasMessageContaining("so2_24h");
    }

    @Test
    void ozoneEightHourAboveEightHundredIsReportedByOneHourOzone() {
        AqiResult result = HJ.compute(values(Indicator.O3_8H, "801", Indicator.O3_1H, "1000"));
        assertThat(result.aqi()).isEqualTo(400);
        assertThat(result.subIndices()).allSatisfy(s -> assertThat(s.iaqi()).isEqualTo(400));
        assertThat(HJ.compute(values(Indicator.O3_8H, "800")).aqi()).isEqualTo(300);
    }

    @Test
    void primaryPollutantOnlyAboveFiftyAndTiesAreAllNamed() {
        assertThat(HJ.compute(values(Indicator.PM25_24H, "35", Indicator.PM10_24H, "50"))
                        .primary())
                .isEmpty();
        AqiResult tie =
                HJ.compute(values(Indicator.PM25_24H, "75", Indicator.PM10_24H, "150", Indicator.NO2_24H, "40"));
        assertThat(tie.aqi()).isEqualTo(100);
        assertThat(tie.primary()).containsExactlyInAnyOrder(Pollutant.PM25, Pollutant.PM10);
        assertThat(tie.nonAttainment()).isEmpty();
        AqiResult over = HJ.compute(values(Indicator.PM25_24H, "75.1", Indicator.PM10_24H, "150"));
        assertThat(over.primary()).containsExactly(Pollutant.PM25);
        assertThat(over.nonAttainment()).containsExactly(Pollutant.PM25);
    }

    @Test
    void categoriesCarryNameColourAndAdviceInBothLanguages() {
        assertThat(HJ.category(50).nameZh()).isEqualTo("优");
        assertThat(HJ.category(51).nameZh()).isEqualTo("良");
        assertThat(HJ.category(200).nameZh()).isEqualTo("中度污染");
        Category heavy = HJ.category(201);
        assertThat(heavy.nameZh()).isEqualTo("重度污染");
        assertThat(heavy.rgb()).isEqualTo("#99004C");
        assertThat(heavy.adviceEn()).contains("stay indoors");
        assertThat(HJ.category(500).level()).isEqualTo("六级");
    }

    @Test
    void versionIsChosenByDate() {
        assertThat(STANDARDS.national(LocalDate.of(2024, 6, 1)).id()).isEqualTo("HJ633-2012");
        assertThat(STANDARDS.national(LocalDate.of(2026, 2, 28)).id()).isEqualTo("HJ633-2012");
        assertThat(STANDARDS.national(LocalDate.of(2026, 3, 1)).id()).isEqualTo("HJ633-2026");
        assertThat(STANDARDS.national(LocalDate.of(2013, 1, 1)).id()).isEqualTo("HJ633-2012");
    }

    @Test
    void oneHourParticlesOnTheDailyRowsAreNamedAsTheNationalCentresPractice() {
        SubIndex pm = HJ.compute(values(Indicator.PM10_1H, "707")).subIndices().get(0);
        assertThat(pm.iaqi()).isEqualTo(500);
        assertThat(HJ.compute(values(Indicator.PM25_1H, "80"))
                        .subIndices()
                        .get(0)
                        .note())
                .contains("national monitoring centre's practice");
    }

    static Map<Indicator, BigDecimal> values(Object... pairs) {
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((Indicator) pairs[i], new BigDecimal((String) pairs[i + 1]));
        }
        return values;
    }
}
