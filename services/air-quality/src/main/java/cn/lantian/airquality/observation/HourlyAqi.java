package cn.lantian.airquality.observation;

import cn.lantian.airquality.aqi.AqiResult;
import cn.lantian.airquality.aqi.AqiStandard;
import cn.lantian.airquality.aqi.AqiStandards;
import cn.lantian.airquality.aqi.Indicator;
import cn.lantian.airquality.aqi.Pollutant;
import cn.lantian.airquality.aqi.Report;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The real-time hourly AQI (实时报) by the HJ 633 version of the hour's date: the six 1-hour means, 1-hour PM2.5 and
 * PM10 on the daily rows (HJ 633-2026 4.2.4; before 2026-03-01 the national centre's practice, which each figure's
 * note says), rounded up, 500 beyond the table. Under HJ 633-2012 a 1-hour SO2 above 800 is reported by the 24-hour
 * mean where the station's hours allow one; under HJ 633-2026 it counts as 200.
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
    public record Figures(Integer aqi, String primary, String standard) {}

    /**
     * The 24-hour SO2 mean that reports a 1-hour SO2 above 800 µg/m³ under HJ 633-2012: the mean of the station's
     * valid hours among the 24 ending with this one, when there are at least {@code minValidHours} of them.
     */
    public static Double so2DailyMean(Observation hour, List<Observation> stationHours, int minValidHours) {
        Instant from = hour.hour().minus(java.time.Duration.ofHours(23));
        double sum = 0;
        int n = 0;
        for (Observation o : stationHours) {
            if (o.valid()
                    && o.so2() != null
                    && o.station().equals(hour.station())
                    && !o.hour().isBefore(from)
                    && !o.hour().isAfter(hour.hour())) {
                sum += o.so2();
                n++;
            }
        }
        return n >= minValidHours ? sum / n : null;
    }

    /**
     * The figures of every hour of a batch; a 1-hour SO2 above 800 µg/m³ gets its 24-hour mean from the batch's hours
     * of that station (hours stored earlier are not read back).
     */
    public List<Figures> ofBatch(List<Observation> batch) {
        Map<String, List<Observation>> byStation = batch.stream().collect(Collectors.groupingBy(Observation::station));
        return batch.parallelStream()
                .map(o -> {
                    AqiStandard standard =
                            standards.national(o.hour().atZone(CHINA).toLocalDate());
                    Double so2Day =
                            o.so2() != null && standard.needsDailyMean(Indicator.SO2_1H, BigDecimal.valueOf(o.so2()))
                                    ? so2DailyMean(o, byStation.get(o.station()), standard.dailyMeanMinHours())
                                    : null;
                    return of(o, so2Day);
                })
                .toList();
    }

    /** The hour's figures without a 24-hour SO2 mean; an invalid hour gets none. */
    public Figures of(Observation o) {
        return of(o, null);
    }

    /** The hour's figures, with the station's 24-hour SO2 mean where known; an invalid hour gets none. */
    public Figures of(Observation o, Double so2DailyMean) {
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
        put(values, Indicator.SO2_24H, so2DailyMean);
        AqiStandard standard = standards.national(date);
        AqiResult result = standard.report(Report.REAL_TIME, values);
        String primary = result.primary().stream().map(Pollutant::label).collect(Collectors.joining(","));
        return new Figures(result.aqi(), primary.isEmpty() ? null : primary, standard.id());
    }

    private static void put(Map<Indicator, BigDecimal> values, Indicator indicator, Double value) {
        if (value != null) {
            values.put(indicator, BigDecimal.valueOf(value));
        }
    }
}
