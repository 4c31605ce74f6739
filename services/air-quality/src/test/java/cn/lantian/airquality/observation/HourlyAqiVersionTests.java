package cn.lantian.airquality.observation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.airquality.aqi.AqiStandards;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which version of HJ 633 produces an hour's AQI, while HJ 633-2026's particle rows are unconfirmed. */
class HourlyAqiVersionTests {

    private final HourlyAqi hourly = new HourlyAqi(AqiStandards.load());

    @Test
    void anHourWithParticlesSince2026IsJudgedByTheLastVersionThatHasThemAndSaysSo() {
        // 2026-06-01 12:00 Beijing time: a dust hour, PM10 707 µg/m³ is an IAQI of 500 on HJ 633-2012's 24-hour table.
        Observation dust = hour("2026-06-01T04:00:00Z", 707.0, 120.0, 30.0);
        HourlyAqi.Figures figures = hourly.of(dust);
        assertThat(figures.aqi()).isEqualTo(500);
        assertThat(figures.primary()).isEqualTo("PM10");
        assertThat(figures.standard()).isEqualTo("HJ633-2012");
    }

    @Test
    void anHourWithoutParticlesSince2026IsJudgedByHj6332026() {
        Observation gases = hour("2026-06-01T04:00:00Z", null, null, 30.0);
        HourlyAqi.Figures figures = hourly.of(gases);
        assertThat(figures.standard()).isEqualTo("HJ633-2026");
        assertThat(figures.aqi()).isEqualTo(15);
    }

    @Test
    void anHourBefore2026IsJudgedByHj6332012() {
        assertThat(hourly.of(hour("2024-06-01T04:00:00Z", 707.0, 120.0, 30.0)).standard()).isEqualTo("HJ633-2012");
    }

    private static Observation hour(String at, Double pm10, Double pm25, Double no2) {
        return new Observation("T1", Instant.parse(at), null, no2, pm10, pm25, null, null, null, true, null);
    }
}
