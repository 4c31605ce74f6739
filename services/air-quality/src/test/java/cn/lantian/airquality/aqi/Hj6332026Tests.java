package cn.lantian.airquality.aqi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HJ 633-2026: Table 3 at every breakpoint and one step above, notes b and c, rounding, reports and missing data. */
class Hj6332026Tests {

    private static final AqiStandards STANDARDS = AqiStandards.load();
    private static final AqiStandard HJ = STANDARDS.byId("HJ633-2026").orElseThrow();
    private static final int[] LEVELS = {0, 50, 100, 150, 200, 300, 400, 500};

    /**
     * Table 3 (PDF page 6) typed again from the print, so the data file is checked against an independent copy; the
     * step is the smallest difference after rounding by GB/T 8170 (1 µg/m³; CO 0.1 mg/m³).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "so2_24h;1;0 50 150 475 800 1600 2100 2620",
                "so2_1h;1;0 150 500 650 800",
                "no2_24h;1;0 40 80 180 280 565 750 940",
                "no2_1h;1;0 100 200 700 1200 2340 3090 3840",
                "co_24h;0.1;0 2 4 14 24 36 48 60",
                "co_1h;0.1;0 5 10 35 60 90 120 150",
                "o3_8h;1;0 100 160 215 265 800",
                "o3_1h;1;0 160 200 300 400 800 1000 1200",
                "pm10_24h;1;0 50 120 250 350 420 500 600",
                "pm25_24h;1;0 35 60 115 150 250 350 500",
                "pm10_1h;1;0 50 120 250 350 420 500 600",
                "pm25_1h;1;0 35 60 115 150 250 350 500"
            })
    void eachBreakpointGivesItsIndexAndOneStepAboveIsInterpolatedAndRoundedUp(
            String key, String step, String breakpoints) {
        Indicator indicator = Indicator.ofKey(key).orElseThrow();
        BigDecimal unit = new BigDecimal(step);
        List<BigDecimal> bps =
                Arrays.stream(breakpoints.split(" ")).map(BigDecimal::new).toList();
        for (int i = 0; i < bps.size(); i++) {
            assertThat(HJ.iaqi(indicator, bps.get(i)))
                    .as("%s at %s", key, bps.get(i))
                    .contains(LEVELS[i]);
            BigDecimal above = bps.get(i).add(unit);
            if (i + 1 < bps.size()) {
                // Formula (1), rounded up (4.2.6), computed here independently of the engine.
                int expected = BigDecimal.valueOf(LEVELS[i + 1] - LEVELS[i])
                        .multiply(unit)
                        .divide(bps.get(i + 1).subtract(bps.get(i)), 10, RoundingMode.HALF_EVEN)
                        .add(BigDecimal.valueOf(LEVELS[i]))
                        .setScale(0, RoundingMode.CEILING)
                        .intValueExact();
                assertThat(HJ.iaqi(indicator, above))
                        .as("%s one step above %s", key, bps.get(i))
                        .contains(expected);
                assertThat(expected).isGreaterThan(LEVELS[i]);
            }
        }
    }

    @Test
    void nothingOfHj6332026IsMarkedUnconfirmedAnyMore() {
        assertThat(HJ.confirms(List.of(Indicator.values()))).isTrue();
        assertThat(HJ.source()).contains("PDF page 6").doesNotContain("could NOT be confirmed");
    }

    @Test
    void theWorkedChecksOfTheTranscriptionHold() {
        assertThat(HJ.iaqi(Indicator.PM25_24H, new BigDecimal("61"))).contains(101);
        assertThat(HJ.iaqi(Indicator.PM25_24H, new BigDecimal("75"))).contains(114);
        assertThat(HJ.iaqi(Indicator.PM10_24H, new BigDecimal("150"))).contains(112);
        assertThat(HJ.iaqi(Indicator.PM10_24H, new BigDecimal("100"))).contains(86);
        assertThat(HJ.report(
                                Report.REAL_TIME,
                                values(
                                        Indicator.PM25_1H,
                                        "61",
                                        Indicator.PM10_1H,
                                        "40",
                                        Indicator.SO2_1H,
                                        "5",
                                        Indicator.NO2_1H,
                                        "20",
                                        Indicator.CO_1H,
                                        "0.5",
                                        Indicator.O3_1H,
                                        "50"))
                        .aqi())
                .isEqualTo(101);
        assertThat(HJ.compute(values(Indicator.SO2_1H, "900")).aqi()).isEqualTo(200);
        assertThat(HJ.compute(values(Indicator.O3_8H, "900")).aqi()).isEqualTo(300);
    }

    @Test
    void so2AndOzoneAboveEightHundredCountAsTheirFixedIndexWithoutAnyOtherValue() {
        SubIndex so2 = HJ.compute(values(Indicator.SO2_1H, "801", Indicator.SO2_24H, "100")).subIndices().stream()
                .filter(s -> s.indicator() == Indicator.SO2_1H)
                .findFirst()
                .orElseThrow();
        assertThat(so2.iaqi()).isEqualTo(200);
        assertThat(so2.note()).contains("note b");
        // 2012 would have used the 1-hour O3 (IAQI 400 here); 2026 counts 300.
        SubIndex o3 = HJ.compute(values(Indicator.O3_8H, "801", Indicator.O3_1H, "1000")).subIndices().stream()
                .filter(s -> s.indicator() == Indicator.O3_8H)
                .findFirst()
                .orElseThrow();
        assertThat(o3.iaqi()).isEqualTo(300);
        assertThat(HJ.compute(values(Indicator.SO2_1H, "800")).aqi()).isEqualTo(200);
        assertThat(HJ.compute(values(Indicator.O3_8H, "800")).aqi()).isEqualTo(300);
    }

    @Test
    void concentrationsAreRoundedByGbt8170BeforeIndexing() {
        // 60.4 rounds to 60 (IAQI 100); unrounded it would be 101.
        assertThat(HJ.iaqi(Indicator.PM25_24H, new BigDecimal("60.4"))).contains(100);
        // A discarded 5 goes to the even digit: 60.5 -> 60, 61.5 -> 62.
        assertThat(HJ.iaqi(Indicator.PM25_24H, new BigDecimal("60.5"))).contains(100);
        assertThat(HJ.iaqi(Indicator.PM25_24H, new BigDecimal("61.5")))
                .isEqualTo(HJ.iaqi(Indicator.PM25_24H, new BigDecimal("62")));
        assertThat(HJ.iaqi(Indicator.PM25_24H, new BigDecimal("60.51"))).contains(101);
        // CO to one decimal: 4.05 -> 4.0 (100), 4.15 -> 4.2.
        assertThat(HJ.iaqi(Indicator.CO_24H, new BigDecimal("4.05"))).contains(100);
        assertThat(HJ.iaqi(Indicator.CO_24H, new BigDecimal("4.15")))
                .isEqualTo(HJ.iaqi(Indicator.CO_24H, new BigDecimal("4.2")));
        SubIndex indexed =
                HJ.compute(values(Indicator.PM10_24H, "120.4")).subIndices().get(0);
        assertThat(indexed.concentration()).isEqualByComparingTo("120");
    }

    @Test
    void theAqiRunsFromOneAndNamesNoNonAttainmentPollutant() {
        AqiResult clean = HJ.compute(values(Indicator.PM25_24H, "0", Indicator.NO2_24H, "0"));
        assertThat(clean.aqi()).isEqualTo(1);
        assertThat(clean.category().nameZh()).isEqualTo("优");
        AqiResult dirty = HJ.compute(values(Indicator.PM25_24H, "200"));
        assertThat(dirty.aqi()).isGreaterThan(100);
        assertThat(dirty.nonAttainment()).isEmpty();
        assertThat(dirty.primary()).containsExactly(Pollutant.PM25);
        assertThat(HJ.compute(values(Indicator.PM10_24H, "700")).aqi()).isEqualTo(500);
    }

    @Test
    void theDailyReportIndexesSixIndicatorsAndNotTheOneHourOzone() {
        assertThat(HJ.indicators(Report.DAILY))
                .containsExactlyInAnyOrder(
                        Indicator.SO2_24H,
                        Indicator.NO2_24H,
                        Indicator.CO_24H,
                        Indicator.PM10_24H,
                        Indicator.PM25_24H,
                        Indicator.O3_8H);
        assertThat(HJ.indicators(Report.REAL_TIME))
                .containsExactlyInAnyOrder(
                        Indicator.SO2_1H,
                        Indicator.NO2_1H,
                        Indicator.CO_1H,
                        Indicator.O3_1H,
                        Indicator.PM10_1H,
                        Indicator.PM25_1H);
        AqiResult day = HJ.report(Report.DAILY, day("40", "30", "100", "9", "1.0", "500"));
        // The 1-hour O3 of 500 (IAQI 350) is not a daily indicator; the AQI comes from the 8-hour mean of 100.
        assertThat(day.aqi()).isEqualTo(50);
        assertThat(day.subIndices()).noneMatch(s -> s.indicator() == Indicator.O3_1H);
        assertThat(day.missing()).isEmpty();
    }

    @Test
    void aMissingPollutantWithholdsAnAqiOfAtMostOneHundred() {
        // 5.3.1: PM missing, the rest give 75: NA, the single values still published.
        Map<Indicator, BigDecimal> noPm = day(null, null, "100", "9", "1.0", null);
        noPm.put(Indicator.NO2_24H, new BigDecimal("60"));
        AqiResult na = HJ.report(Report.DAILY, noPm);
        assertThat(na.aqi()).isNull();
        assertThat(na.category()).isNull();
        assertThat(na.notAvailable()).isTrue();
        assertThat(na.missing()).containsExactlyInAnyOrder(Indicator.PM10_24H, Indicator.PM25_24H);
        assertThat(na.subIndices()).extracting(SubIndex::iaqi).contains(75);
        assertThat(na.note()).contains("5.3.1");
        // The same with NO2 at 100 (IAQI 110): published.
        noPm.put(Indicator.NO2_24H, new BigDecimal("100"));
        AqiResult published = HJ.report(Report.DAILY, noPm);
        assertThat(published.aqi()).isEqualTo(110);
        assertThat(published.missing()).containsExactlyInAnyOrder(Indicator.PM10_24H, Indicator.PM25_24H);
    }

    @Test
    void tableOneAndTableTwoTextsComeInChineseEnglishAndUyghur() {
        Category light = HJ.category(101);
        assertThat(light.nameZh()).isEqualTo("轻度污染");
        assertThat(light.healthZh()).isEqualTo("敏感人群症状有轻度加剧，健康人群出现刺激症状");
        assertThat(light.adviceZh()).startsWith("青少年儿童、老年人及心血管系统疾病");
        assertThat(HJ.categories()).allSatisfy(c -> {
            assertThat(c.healthEn()).isNotBlank();
            assertThat(c.healthUg()).isNotBlank();
            assertThat(c.adviceUg()).isNotBlank();
            assertThat(c.nameUg()).isNotBlank();
        });
        assertThat(HJ.category(1).min()).isEqualTo(1);
        for (Pollutant p : Pollutant.values()) {
            SensitiveGroups g = HJ.sensitiveGroups(p).orElseThrow();
            assertThat(List.of(g.zh(), g.en(), g.ug()))
                    .as(p.label())
                    .allSatisfy(t -> assertThat(t).isNotBlank());
        }
        assertThat(HJ.sensitiveGroups(Pollutant.SO2).orElseThrow().zh()).isEqualTo("患有哮喘的人、青少年儿童以及老年人");
    }

    @Test
    void theRealTimeReportSaysWhyOneHourParticlesUseTheDailyRows() {
        SubIndex pm = HJ.compute(values(Indicator.PM25_1H, "61")).subIndices().get(0);
        assertThat(pm.iaqi()).isEqualTo(101);
        assertThat(pm.note()).contains("4.2.4");
    }

    private static Map<Indicator, BigDecimal> day(
            String pm10, String pm25, String o3_8h, String so2, String co, String o3_1h) {
        Map<Indicator, BigDecimal> v = new EnumMap<>(Indicator.class);
        put(v, Indicator.PM10_24H, pm10);
        put(v, Indicator.PM25_24H, pm25);
        put(v, Indicator.O3_8H, o3_8h);
        put(v, Indicator.SO2_24H, so2);
        put(v, Indicator.CO_24H, co);
        put(v, Indicator.O3_1H, o3_1h);
        put(v, Indicator.NO2_24H, "20");
        return v;
    }

    private static void put(Map<Indicator, BigDecimal> v, Indicator i, String text) {
        if (text != null) {
            v.put(i, new BigDecimal(text));
        }
    }

    static Map<Indicator, BigDecimal> values(Object... pairs) {
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((Indicator) pairs[i], new BigDecimal((String) pairs[i + 1]));
        }
        return values;
    }
}
