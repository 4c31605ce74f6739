package cn.lantian.airquality.observation;

import cn.lantian.airquality.aqi.AqiResult;
import cn.lantian.airquality.aqi.AqiStandard;
import cn.lantian.airquality.aqi.AqiStandards;
import cn.lantian.airquality.aqi.Indicator;
import cn.lantian.airquality.aqi.Pollutant;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The real-time hourly AQI as the national centre publishes it: 1-hour SO2, NO2, CO and O3 on their 1-hour tables,
 * 1-hour PM2.5 and PM10 on the 24-hour table, rounded up, 500 beyond the table; the version by the hour's date.
 */
@Component
public class HourlyAqi {

    /**
     * Dates of Kashgar data are Beijing time, as the national centre labels them; China has kept +08:00 without
     * daylight saving since 1991, and a fixed offset is much cheaper than a zone-rules lookup per hour.
     */
    public static final ZoneId CHINA = ZoneOffset.ofHours(8);

    private final AqiStandards standards;

    public HourlyAqi(AqiStandards standards) {
        this.standards = standards;
    }

    /** The AQI figures stored with an hour, with the id of the standard version that produced them. */
    public record Figures(Integer aqi, String primary, String standard) {
    }

    /** The hour's figures; an invalid hour gets none. */
    public Figures of(Observation o) {
        java.time.LocalDate date = o.hour().atZone(CHINA).toLocalDate();
        if (!o.valid()) {
            return new Figures(null, null, standards.national(date).id());
        }
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        put(values, Indicator.SO2_1H, o.so2());
        put(values, Indicator.NO2_1H, o.no2());
        put(values, Indicator.PM10_1H, o.pm10());
        put(values, Indicator.PM25_1H, o.pm25());
        put(values, Indicator.CO_1H, o.co());
        put(values, Indicator.O3_1H, o.o3());
        AqiStandard standard = standards.nationalConfirming(date, values.keySet());
        AqiResult result = standard.computeLeavingOut(values);
        String primary = result.primary().stream().map(Pollutant::label).collect(Collectors.joining(","));
        return new Figures(result.aqi(), primary.isEmpty() ? null : primary, standard.id());
    }

    private static void put(Map<Indicator, BigDecimal> values, Indicator indicator, Double value) {
        if (value != null) {
            values.put(indicator, BigDecimal.valueOf(value));
        }
    }
}
