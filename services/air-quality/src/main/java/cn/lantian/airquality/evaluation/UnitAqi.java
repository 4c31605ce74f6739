package cn.lantian.airquality.evaluation;

import cn.lantian.airquality.aqi.AqiResult;
import cn.lantian.airquality.aqi.AqiStandard;
import cn.lantian.airquality.aqi.AqiStandards;
import cn.lantian.airquality.aqi.Category;
import cn.lantian.airquality.aqi.Indicator;
import cn.lantian.airquality.aqi.Pollutant;
import cn.lantian.airquality.aqi.Report;
import cn.lantian.airquality.observation.HourlyAqi;
import cn.lantian.airquality.observation.Observation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A unit's (a city's, a county's) real-time AQI as HJ 663 evaluates a city: each pollutant's concentration is the
 * arithmetic mean of its assessment stations' values for the hour, and the AQI is computed from those means by the
 * HJ 633 version of the hour, not averaged from the stations' AQIs.
 */
public final class UnitAqi {

    private final AqiStandards standards;

    public UnitAqi(AqiStandards standards) {
        this.standards = standards;
    }

    /**
     * One unit's hour.
     *
     * @param stationIds the assessment stations whose values were averaged
     * @param concentrations the averaged 1-hour concentrations by indicator key (µg/m³, CO mg/m³)
     * @param note why the AQI is NA (HJ 633-2026 5.3.1), else null
     */
    public record Hour(
            String unit,
            Instant hour,
            Integer aqi,
            Category category,
            List<String> primary,
            String standard,
            List<String> stationIds,
            Map<String, Double> concentrations,
            String note) {}

    /** The unit's AQI for one hour from its assessment stations' valid observations of that hour. */
    public Hour of(String unit, Instant hour, List<Observation> stationsHour) {
        List<Observation> valid =
                stationsHour.stream().filter(Observation::valid).toList();
        Map<Indicator, BigDecimal> means = new EnumMap<>(Indicator.class);
        put(means, Indicator.SO2_1H, valid, Observation::so2);
        put(means, Indicator.NO2_1H, valid, Observation::no2);
        put(means, Indicator.PM10_1H, valid, Observation::pm10);
        put(means, Indicator.PM25_1H, valid, Observation::pm25);
        put(means, Indicator.CO_1H, valid, Observation::co);
        put(means, Indicator.O3_1H, valid, Observation::o3);
        AqiStandard standard = standards.national(hour.atZone(HourlyAqi.CHINA).toLocalDate());
        AqiResult result = standard.report(Report.REAL_TIME, means);
        Map<String, Double> shown = new java.util.LinkedHashMap<>();
        means.forEach((i, v) -> shown.put(i.key(), v.doubleValue()));
        return new Hour(
                unit,
                hour,
                result.aqi(),
                result.category(),
                result.primary().stream().map(Pollutant::label).toList(),
                standard.id(),
                valid.stream().map(Observation::station).distinct().sorted().toList(),
                shown,
                result.note());
    }

    private static void put(
            Map<Indicator, BigDecimal> means,
            Indicator indicator,
            List<Observation> hours,
            Function<Observation, Double> field) {
        double[] values = hours.stream()
                .map(field)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .toArray();
        if (values.length > 0) {
            // The version's rounding (GB/T 8170 under HJ 633-2026) applies when the mean is indexed.
            means.put(
                    indicator,
                    BigDecimal.valueOf(java.util.Arrays.stream(values).average().orElseThrow()));
        }
    }
}
