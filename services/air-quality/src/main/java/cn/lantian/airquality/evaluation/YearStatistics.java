package cn.lantian.airquality.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A unit's statistics over a set of days (a year or year to date), per HJ 663.
 *
 * @param validDays days with a daily AQI
 * @param goodDayShare percentage of valid days with AQI at most 100
 * @param heavyDayShare percentage of valid days with AQI above 200
 * @param o3_8hP90 90th percentile of the daily maximum 8-hour O3
 * @param coP95 95th percentile of the daily CO means
 * @param complete whether the days with an AQI meet GB 3095 Table 4 for a year (324, and 27 in each month, February
 *        25)
 */
public record YearStatistics(
        int validDays,
        int goodDays,
        int heavyDays,
        double goodDayShare,
        double heavyDayShare,
        Double pm25Mean,
        Double pm10Mean,
        Double so2Mean,
        Double no2Mean,
        Double o3_8hP90,
        Double coP95,
        double pm25Sum,
        int pm25Days,
        int dustDays,
        boolean complete) {

    /** Statistics of the days; with {@code deductDust} the days flagged as dust are left out first. */
    public static YearStatistics of(List<DailyValue> days, EvaluationRules rules, boolean deductDust) {
        List<DailyValue> counted =
                deductDust ? days.stream().filter(d -> !d.dust()).toList() : days;
        int dust = (int) days.stream().filter(DailyValue::dust).count();
        List<Integer> aqis =
                counted.stream().map(DailyValue::aqi).filter(Objects::nonNull).toList();
        int good = (int) aqis.stream().filter(a -> a <= rules.goodDayMaxAqi()).count();
        int heavy = (int) aqis.stream().filter(a -> a >= rules.heavyDayMinAqi()).count();
        double[] pm25 = values(counted, DailyValue::pm25);
        return new YearStatistics(
                aqis.size(),
                good,
                heavy,
                share(good, aqis.size()),
                share(heavy, aqis.size()),
                mean(pm25),
                mean(values(counted, DailyValue::pm10)),
                mean(values(counted, DailyValue::so2)),
                mean(values(counted, DailyValue::no2)),
                percentile(values(counted, DailyValue::o3_8h), rules.o3Percentile()),
                percentile(values(counted, DailyValue::co), rules.coPercentile()),
                Arrays.stream(pm25).sum(),
                pm25.length,
                dust,
                completeYear(counted, rules.validity()));
    }

    /**
     * GB 3095 Table 4 applied to the days with an AQI: enough of them in the year and in every month. A year to date is
     * never complete.
     */
    static boolean completeYear(List<DailyValue> days, Limits.Validity validity) {
        if (days.isEmpty()) {
            return false;
        }
        int year = days.get(0).day().getYear();
        return Attainment.valid(days, d -> d.aqi() == null ? null : d.aqi().doubleValue(), year, validity);
    }

    /**
     * HJ 663's percentile: sort ascending, k = 1 + (n - 1) p / 100, s = floor(k); X(s) + (X(s+1) - X(s)) (k - s).
     */
    static Double percentile(double[] values, double p) {
        if (values.length == 0) {
            return null;
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double k = 1 + (x.length - 1) * p / 100.0;
        int s = (int) Math.floor(k);
        double low = x[s - 1];
        double high = s < x.length ? x[s] : low;
        return round1(low + (high - low) * (k - s));
    }

    private static double[] values(List<DailyValue> days, java.util.function.Function<DailyValue, Double> field) {
        return days.stream()
                .map(field)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    private static Double mean(double[] values) {
        return values.length == 0
                ? null
                : round1(Arrays.stream(values).average().orElseThrow());
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : round1(100.0 * part / whole);
    }

    private static double round1(double v) {
        return java.math.BigDecimal.valueOf(v)
                .setScale(1, java.math.RoundingMode.HALF_EVEN)
                .doubleValue();
    }
}
