package cn.lantian.airquality.observation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.airquality.aqi.AqiStandards;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which version of HJ 633 produces an hour's AQI, and the real-time rules of each. */
class HourlyAqiVersionTests {

    private final HourlyAqi hourly = new HourlyAqi(AqiStandards.load());

    @Test
    void anHourSince2026IsJudgedByHj6332026WithItsParticleRows() {
        // 2026-06-01 12:00 Beijing time: 1-hour PM2.5 61 on the daily rows of HJ 633-2026 is 101 (2012: 86).
        HourlyAqi.Figures figures = hourly.of(hour("2026-06-01T04:00:00Z", 40.0, 61.0, 30.0, 5.0));
        assertThat(figures.standard()).isEqualTo("HJ633-2026");
        assertThat(figures.aqi()).isEqualTo(101);
        assertThat(figures.primary()).isEqualTo("PM2.5");
    }

    @Test
    void anHourSince2026MissingAPollutantGetsNoAqiAtOrBelowOneHundred() {
        // 5.3.1: no PM at all, NO2 30 alone gives 15: NA.
        Observation gases = new Observation(
                "T1", Instant.parse("2026-06-01T04:00:00Z"), 5.0, 30.0, null, null, 0.5, 40.0, null, true, null);
        HourlyAqi.Figures figures = hourly.of(gases);
        assertThat(figures.standard()).isEqualTo("HJ633-2026");
        assertThat(figures.aqi()).isNull();
    }

    @Test
    void anHourBefore2026IsJudgedByHj6332012AsTheNationalCentrePublishedIt() {
        HourlyAqi.Figures figures = hourly.of(hour("2024-06-01T04:00:00Z", 707.0, 120.0, 30.0, 5.0));
        assertThat(figures.standard()).isEqualTo("HJ633-2012");
        assertThat(figures.aqi()).isEqualTo(500);
        // Before 2026 a missing pollutant is left out, as the national centre did.
        Observation noCo = new Observation(
                "T1", Instant.parse("2024-06-01T04:00:00Z"), 5.0, 30.0, 40.0, 20.0, null, 40.0, null, true, null);
        assertThat(hourly.of(noCo).aqi()).isEqualTo(40);
    }

    @Test
    void so2AboveEightHundredBefore2026IsReportedByTheStationsTwentyFourHourMeanWhereTheHoursAllowIt() {
        List<Observation> day = new ArrayList<>();
        Instant last = Instant.parse("2024-01-10T04:00:00Z");
        for (int h = 23; h >= 0; h--) {
            // 23 hours at 100, the last at 900: mean (23 * 100 + 900) / 24 = 133.3 -> IAQI 50 + 50 * 83.3 / 100 = 92
            day.add(new Observation(
                    "T1",
                    last.minusSeconds(3600L * h),
                    h == 0 ? 900.0 : 100.0,
                    20.0,
                    40.0,
                    20.0,
                    0.5,
                    40.0,
                    null,
                    true,
                    null));
        }
        List<HourlyAqi.Figures> figures = hourly.ofBatch(day);
        assertThat(figures.get(23).aqi()).isEqualTo(92);
        assertThat(figures.get(23).primary()).isEqualTo("SO2");
        // With 19 hours only, the 24-hour mean is not valid (20 needed): the 1-hour SO2 is left out.
        List<HourlyAqi.Figures> short19 = hourly.ofBatch(day.subList(5, 24));
        assertThat(short19.get(18).aqi()).isEqualTo(40);
        assertThat(HourlyAqi.so2DailyMean(day.get(23), day.subList(4, 24), 20)).isNotNull();
        // Since 2026 the same hour counts as 200 (HJ 633-2026 Table 3 note b).
        Observation in2026 = new Observation(
                "T1", Instant.parse("2026-06-01T04:00:00Z"), 900.0, 20.0, 40.0, 20.0, 0.5, 40.0, null, true, null);
        assertThat(hourly.of(in2026).aqi()).isEqualTo(200);
    }

    private static Observation hour(String at, Double pm10, Double pm25, Double no2, Double so2) {
        return new Observation("T1", Instant.parse(at), so2, no2, pm10, pm25, 0.5, 40.0, null, true, null);
    }
}
