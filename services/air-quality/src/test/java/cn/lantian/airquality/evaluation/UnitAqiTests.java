package cn.lantian.airquality.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.airquality.aqi.AqiStandards;
import cn.lantian.airquality.observation.HourlyAqi;
import cn.lantian.airquality.observation.Observation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A city's AQI comes from its stations' averaged concentrations, not from the average of their AQIs. */
class UnitAqiTests {

    private final UnitAqi unitAqi = new UnitAqi(AqiStandards.load());
    private final HourlyAqi hourly = new HourlyAqi(AqiStandards.load());

    @Test
    void theCitysAqiIsComputedFromTheMeanConcentrations() {
        Instant hour = Instant.parse("2024-04-02T01:00:00Z");
        // PM2.5 20 and 130 at two stations: mean 75 -> IAQI 100 on HJ 633-2012's rows; their AQIs 29 and 157 average
        // 93.
        Observation a = new Observation("A", hour, 5.0, 20.0, 30.0, 20.0, 0.5, 40.0, null, true, "N");
        Observation b = new Observation("B", hour, 5.0, 20.0, 30.0, 130.0, 0.5, 40.0, null, true, "N");
        UnitAqi.Hour city = unitAqi.of("653100", hour, List.of(a, b));
        assertThat(city.aqi()).isEqualTo(100);
        assertThat(city.standard()).isEqualTo("HJ633-2012");
        assertThat(city.stationIds()).containsExactly("A", "B");
        assertThat(city.concentrations()).containsEntry("pm25_1h", 75.0);
        int meanOfAqis = (int) Math.ceil((hourly.of(a).aqi() + hourly.of(b).aqi()) / 2.0);
        assertThat(meanOfAqis).isNotEqualTo(city.aqi());
    }

    @Test
    void since2026TheMeansAreRoundedAndIndexedByHj6332026() {
        Instant hour = Instant.parse("2026-04-02T01:00:00Z");
        Observation a = new Observation("A", hour, 5.0, 20.0, 30.0, 60.0, 0.5, 40.0, null, true, "N");
        Observation b = new Observation("B", hour, 5.0, 20.0, 30.0, 61.0, 0.5, 40.0, null, true, "N");
        // Mean 60.5 rounds half to even to 60: IAQI 100.
        UnitAqi.Hour city = unitAqi.of("653100", hour, List.of(a, b));
        assertThat(city.standard()).isEqualTo("HJ633-2026");
        assertThat(city.aqi()).isEqualTo(100);
    }
}
