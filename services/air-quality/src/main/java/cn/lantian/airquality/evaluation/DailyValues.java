package cn.lantian.airquality.evaluation;

import cn.lantian.airquality.aqi.AqiResult;
import cn.lantian.airquality.aqi.AqiStandard;
import cn.lantian.airquality.aqi.AqiStandards;
import cn.lantian.airquality.aqi.Indicator;
import cn.lantian.airquality.aqi.Pollutant;
import cn.lantian.airquality.aqi.Report;
import cn.lantian.airquality.observation.HourlyAqi;
import cn.lantian.airquality.observation.Observation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Daily values from hourly observations (per station) and from stations' daily values (per unit), per HJ 663. */
public class DailyValues {

    private static final int SO2 = 0;
    private static final int NO2 = 1;
    private static final int PM10 = 2;
    private static final int PM25 = 3;
    private static final int CO = 4;
    private static final int O3 = 5;

    private final AqiStandards standards;
    private final EvaluationRules rules;

    public DailyValues(AqiStandards standards, EvaluationRules rules) {
        this.standards = standards;
        this.rules = rules;
    }

    public EvaluationRules rules() {
        return rules;
    }

    /** The same calculator under another version of the evaluation rules. */
    public DailyValues withRules(EvaluationRules other) {
        return other.equals(rules) ? this : new DailyValues(standards, other);
    }

    /** The id of the AQI standard version that governs days of that date. */
    public String standardFor(LocalDate day) {
        return standards.national(day).id();
    }

    /** A station's days, oldest first; invalid hours count nowhere. */
    public List<DailyValue> ofStation(List<Observation> hours) {
        // slots[day][pollutant][1..24]: hour labels D 01:00 .. D+1 00:00 (end of hour), NaN where missing.
        Map<LocalDate, double[][]> slots = new TreeMap<>();
        for (Observation o : hours) {
            if (!o.valid()) {
                continue;
            }
            ZonedDateTime label = o.hour().atZone(HourlyAqi.CHINA);
            LocalDate day = label.minusHours(1).toLocalDate();
            int slot = label.getHour() == 0 ? 24 : label.getHour();
            double[][] d = slots.computeIfAbsent(day, k -> empty());
            d[SO2][slot] = nan(o.so2());
            d[NO2][slot] = nan(o.no2());
            d[PM10][slot] = nan(o.pm10());
            d[PM25][slot] = nan(o.pm25());
            d[CO][slot] = nan(o.co());
            d[O3][slot] = nan(o.o3());
        }
        List<DailyValue> days = new ArrayList<>(slots.size());
        slots.forEach((day, d) -> days.add(day(
                day,
                mean(d[SO2], "so2"),
                mean(d[NO2], "no2"),
                mean(d[PM10], "pm10"),
                mean(d[PM25], "pm25"),
                mean(d[CO], "co"),
                maxHour(d[O3]),
                max8h(d[O3]),
                null)));
        return days;
    }

    /**
     * A unit's days from its stations' days: each concentration is the mean of the stations' valid values that day
     * (HJ 663: a city's value is the arithmetic mean of its stations), and the AQI is computed from those means.
     *
     * @param flagged days the meteorological service flagged as dust, with their basis
     */
    public List<DailyValue> ofUnit(List<List<DailyValue>> stations, Map<LocalDate, String> flagged) {
        Map<LocalDate, List<DailyValue>> byDay = stations.stream()
                .flatMap(List::stream)
                .collect(Collectors.groupingBy(DailyValue::day, TreeMap::new, Collectors.toList()));
        List<DailyValue> days = new ArrayList<>(byDay.size());
        byDay.forEach((day, values) -> days.add(day(
                day,
                avg(values, DailyValue::so2, "so2"),
                avg(values, DailyValue::no2, "no2"),
                avg(values, DailyValue::pm10, "pm10"),
                avg(values, DailyValue::pm25, "pm25"),
                avg(values, DailyValue::co, "co"),
                avg(values, DailyValue::o3_1h, "o3"),
                avg(values, DailyValue::o3_8h, "o3"),
                flagged.get(day))));
        return days;
    }

    private DailyValue day(
            LocalDate day,
            Double so2,
            Double no2,
            Double pm10,
            Double pm25,
            Double co,
            Double o3Hour,
            Double o3EightHour,
            String flaggedBasis) {
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        put(values, Indicator.SO2_24H, so2);
        put(values, Indicator.NO2_24H, no2);
        put(values, Indicator.PM10_24H, pm10);
        put(values, Indicator.PM25_24H, pm25);
        put(values, Indicator.CO_24H, co);
        put(values, Indicator.O3_1H, o3Hour);
        put(values, Indicator.O3_8H, o3EightHour);
        AqiStandard standard = standards.national(day);
        AqiResult result = standard.report(Report.DAILY, values);
        String primary = result.primary().stream().map(Pollutant::label).collect(Collectors.joining(","));
        String basis = flaggedBasis;
        if (basis == null
                && pm10 != null
                && pm25 != null
                && pm10 >= rules.dustMinPm10()
                && pm25 / pm10 <= rules.dustMaxFineRatio()) {
            basis = rules.dustRuleId() + ": PM10 " + pm10.intValue() + " µg/m³, PM2.5/PM10 "
                    + BigDecimal.valueOf(pm25 / pm10).setScale(2, RoundingMode.HALF_UP);
        }
        return new DailyValue(
                day,
                so2,
                no2,
                pm10,
                pm25,
                co,
                o3Hour,
                o3EightHour,
                result.aqi(),
                primary.isEmpty() ? null : primary,
                standard.id(),
                basis != null,
                basis);
    }

    private Double mean(double[] hours, String pollutant) {
        double sum = 0;
        int n = 0;
        for (int h = 1; h <= 24; h++) {
            if (!Double.isNaN(hours[h])) {
                sum += hours[h];
                n++;
            }
        }
        return n >= rules.minValidHoursPerDay() ? round(sum / n, pollutant) : null;
    }

    /** The day's largest 1-hour value: GB 3095's 20-hour rule is for daily means, not for this maximum. */
    private Double maxHour(double[] hours) {
        double max = Double.NaN;
        int n = 0;
        for (int h = 1; h <= 24; h++) {
            if (!Double.isNaN(hours[h])) {
                max = Double.isNaN(max) ? hours[h] : Math.max(max, hours[h]);
                n++;
            }
        }
        return n > 0 ? max : null;
    }

    /** The day's largest valid 8-hour rolling mean among windows ending at the rule's first to last hour. */
    private Double max8h(double[] hours) {
        double max = Double.NaN;
        int validWindows = 0;
        for (int end = rules.firstWindowEnd(); end <= rules.lastWindowEnd(); end++) {
            double sum = 0;
            int n = 0;
            for (int h = end - 7; h <= end; h++) {
                if (!Double.isNaN(hours[h])) {
                    sum += hours[h];
                    n++;
                }
            }
            if (n >= rules.minValidHoursPer8h()) {
                double m = sum / n;
                max = Double.isNaN(max) ? m : Math.max(max, m);
                validWindows++;
            }
        }
        return validWindows >= rules.min8hMeansPerDay() ? round(max, "o3") : null;
    }

    private Double avg(
            List<DailyValue> values, java.util.function.Function<DailyValue, Double> field, String pollutant) {
        double sum = 0;
        int n = 0;
        for (DailyValue v : values) {
            Double x = field.apply(v);
            if (x != null) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? null : round(sum / n, pollutant);
    }

    private Double round(double value, String pollutant) {
        return BigDecimal.valueOf(value)
                .setScale(rules.decimals().getOrDefault(pollutant, 0), RoundingMode.HALF_EVEN)
                .doubleValue();
    }

    private static double[][] empty() {
        double[][] d = new double[6][25];
        for (double[] row : d) {
            Arrays.fill(row, Double.NaN);
        }
        return d;
    }

    private static double nan(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static void put(Map<Indicator, BigDecimal> values, Indicator indicator, Double value) {
        if (value != null) {
            values.put(indicator, BigDecimal.valueOf(value));
        }
    }
}
