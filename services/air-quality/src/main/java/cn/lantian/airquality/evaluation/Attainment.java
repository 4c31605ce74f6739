package cn.lantian.airquality.evaluation;

import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A unit's standing against GB 3095: days above the daily limits in force on each day, and the year's statistics
 * against the limits in force on its last day, each valid only with GB 3095 Table 4's data.
 *
 * @param limitSet the set that judged the year (e.g. {@code GB3095-2026 transitional}), with its source
 * @param exceedanceDays per pollutant, days whose daily value exceeded the daily limit in force that day
 * @param dailyLimitSets the sets that judged the days
 */
public record Attainment(
        String limitSet,
        String source,
        boolean unconfirmed,
        List<Judgement> annual,
        Map<String, Integer> exceedanceDays,
        List<String> dailyLimitSets) {

    /**
     * One annual statistic against its limit.
     *
     * @param valid whether the year's daily values meet GB 3095 Table 4 (324 a year, 27 a month, February 25); only
     *        for the pollutants the table names, true for the others
     * @param attained null while the value is missing or not valid
     */
    public record Judgement(
            String pollutant, String statistic, Double value, Double limit, boolean valid, Boolean attained) {}

    /** The judgement of a unit's days of {@code year} with its statistics. */
    public static Attainment of(int year, List<DailyValue> days, YearStatistics stats, Limits limits) {
        Limits.LimitSet yearSet = limits.on(LocalDate.of(year, 12, 31));
        Limits.Validity validity = yearSet.validity();
        List<Judgement> annual = List.of(
                judge(
                        "so2",
                        "annual mean",
                        stats.so2Mean(),
                        yearSet.limit("so2", "annual").orElse(null),
                        valid(days, DailyValue::so2, year, validity)),
                judge(
                        "no2",
                        "annual mean",
                        stats.no2Mean(),
                        yearSet.limit("no2", "annual").orElse(null),
                        valid(days, DailyValue::no2, year, validity)),
                judge(
                        "pm10",
                        "annual mean",
                        stats.pm10Mean(),
                        yearSet.limit("pm10", "annual").orElse(null),
                        valid(days, DailyValue::pm10, year, validity)),
                judge(
                        "pm25",
                        "annual mean",
                        stats.pm25Mean(),
                        yearSet.limit("pm25", "annual").orElse(null),
                        valid(days, DailyValue::pm25, year, validity)),
                judge(
                        "co",
                        "24-hour 95th percentile",
                        stats.coP95(),
                        yearSet.limit("co", "24h").orElse(null),
                        true),
                judge(
                        "o3",
                        "daily maximum 8-hour 90th percentile",
                        stats.o3_8hP90(),
                        yearSet.limit("o3", "8h").orElse(null),
                        true));
        Map<String, Integer> exceed = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        for (String p : List.of("so2", "no2", "co", "pm10", "pm25", "o3")) {
            exceed.put(p, 0);
        }
        for (DailyValue d : days) {
            Limits.LimitSet set = limits.on(d.day());
            used.add(set.id());
            count(exceed, "so2", d.so2(), set.limit("so2", "24h").orElse(null));
            count(exceed, "no2", d.no2(), set.limit("no2", "24h").orElse(null));
            count(exceed, "co", d.co(), set.limit("co", "24h").orElse(null));
            count(exceed, "pm10", d.pm10(), set.limit("pm10", "24h").orElse(null));
            count(exceed, "pm25", d.pm25(), set.limit("pm25", "24h").orElse(null));
            count(exceed, "o3", d.o3_8h(), set.limit("o3", "8h").orElse(null));
        }
        return new Attainment(yearSet.id(), yearSet.source(), yearSet.unconfirmed(), annual, exceed, List.copyOf(used));
    }

    /**
     * GB 3095 Table 4 for a year: at least {@code annualMinDays} valid daily values and, in every month,
     * {@code monthlyMinDays} ({@code februaryMinDays} in February).
     */
    static boolean valid(
            List<DailyValue> days, Function<DailyValue, Double> field, int year, Limits.Validity validity) {
        Map<Month, Integer> perMonth = new LinkedHashMap<>();
        int total = 0;
        for (DailyValue d : days) {
            if (d.day().getYear() == year && field.apply(d) != null) {
                perMonth.merge(d.day().getMonth(), 1, Integer::sum);
                total++;
            }
        }
        if (total < validity.annualMinDays()) {
            return false;
        }
        for (Month m : Month.values()) {
            if (perMonth.getOrDefault(m, 0) < validity.monthMinDays(m)) {
                return false;
            }
        }
        return true;
    }

    private static Judgement judge(String pollutant, String statistic, Double value, Double limit, boolean valid) {
        Boolean attained = value == null || limit == null || !valid ? null : value <= limit;
        return new Judgement(pollutant, statistic, value, limit, valid, attained);
    }

    private static void count(Map<String, Integer> exceed, String pollutant, Double value, Double limit) {
        if (value != null && limit != null && value > limit) {
            exceed.merge(pollutant, 1, Integer::sum);
        }
    }
}
