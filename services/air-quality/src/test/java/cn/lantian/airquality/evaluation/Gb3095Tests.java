package cn.lantian.airquality.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.airquality.aqi.AqiStandards;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GB 3095 limits by period and the validity rules of its Table 4, at each edge. */
class Gb3095Tests {

    private static final Limits LIMITS = Limits.load();

    @Test
    void theLimitsInForceFollowTheDate() {
        assertThat(LIMITS.on(LocalDate.of(2026, 2, 28)).id()).isEqualTo("GB3095-2012");
        assertThat(LIMITS.on(LocalDate.of(2026, 2, 28)).limit("pm25", "24h")).contains(75.0);
        assertThat(LIMITS.on(LocalDate.of(2026, 3, 1)).id()).isEqualTo("GB3095-2026 transitional");
        assertThat(LIMITS.on(LocalDate.of(2026, 3, 1)).limit("pm25", "24h")).contains(60.0);
        assertThat(LIMITS.on(LocalDate.of(2026, 3, 1)).limit("pm10", "annual")).contains(60.0);
        assertThat(LIMITS.on(LocalDate.of(2030, 12, 31)).limit("pm25", "annual"))
                .contains(30.0);
        assertThat(LIMITS.on(LocalDate.of(2031, 1, 1)).id()).isEqualTo("GB3095-2026");
        assertThat(LIMITS.on(LocalDate.of(2031, 1, 1)).limit("pm25", "24h")).contains(50.0);
        assertThat(LIMITS.on(LocalDate.of(2031, 1, 1)).limit("so2", "annual")).contains(20.0);
        assertThat(LIMITS.on(LocalDate.of(2031, 1, 1)).limit("no2", "24h")).contains(50.0);
        assertThat(LIMITS.on(LocalDate.of(2031, 1, 1)).limit("co", "annual")).isEmpty();
        assertThat(LIMITS.on(LocalDate.of(2031, 1, 1)).source()).contains("PDF page 6");
    }

    @Test
    void theValidityOfTable4ComesFromTheStandardInForce() {
        Limits.Validity v = LIMITS.on(LocalDate.of(2026, 6, 1)).validity();
        assertThat(v.annualMinDays()).isEqualTo(324);
        assertThat(v.monthMinDays(Month.FEBRUARY)).isEqualTo(25);
        assertThat(v.monthMinDays(Month.MARCH)).isEqualTo(27);
        assertThat(v.dailyMinHours()).isEqualTo(20);
        assertThat(v.eightHourMinHours()).isEqualTo(6);
        assertThat(EvaluationRuleSets.load().forYear(2026).validity()).isEqualTo(v);
        assertThat(EvaluationRuleSets.load().forYear(2026).minValidHoursPerDay())
                .isEqualTo(20);
    }

    @Test
    void aYearIsValidWith324DaysAnd27AMonthAndTwentyFiveInFebruary() {
        Limits.Validity v = LIMITS.on(LocalDate.of(2026, 12, 31)).validity();
        // 2026: 27 days in each month, 25 in February = 322; then two more in March: 324.
        List<DailyValue> days = year(2026, m -> m == Month.FEBRUARY ? 25 : 27, Month.MARCH, 2);
        assertThat(days).hasSize(324);
        assertThat(Attainment.valid(days, DailyValue::pm25, 2026, v)).isTrue();
        // One day fewer: 323.
        assertThat(Attainment.valid(days.subList(1, days.size()), DailyValue::pm25, 2026, v))
                .isFalse();
        // 324 days, but February has 24.
        List<DailyValue> shortFebruary = year(2026, m -> m == Month.FEBRUARY ? 24 : 27, Month.MARCH, 3);
        assertThat(shortFebruary).hasSize(324);
        assertThat(Attainment.valid(shortFebruary, DailyValue::pm25, 2026, v)).isFalse();
        // 324 days, but June has 26.
        List<DailyValue> shortJune =
                year(2026, m -> m == Month.FEBRUARY ? 25 : m == Month.JUNE ? 26 : 27, Month.MARCH, 3);
        assertThat(shortJune).hasSize(324);
        assertThat(Attainment.valid(shortJune, DailyValue::pm25, 2026, v)).isFalse();
        assertThat(YearStatistics.of(days, EvaluationRuleSets.load().forYear(2026), false)
                        .complete())
                .isTrue();
        assertThat(YearStatistics.of(shortJune, EvaluationRuleSets.load().forYear(2026), false)
                        .complete())
                .isFalse();
    }

    @Test
    void aDayIsJudgedByTheLimitsInForceOnThatDayAndTheYearByThoseOfItsLastDay() {
        // PM2.5 70: below GB 3095-2012's 75 on 2026-02-28, above the transitional 60 on 2026-03-01.
        List<DailyValue> days = List.of(day(LocalDate.of(2026, 2, 28), 70.0), day(LocalDate.of(2026, 3, 1), 70.0));
        YearStatistics stats = YearStatistics.of(days, EvaluationRuleSets.load().forYear(2026), false);
        Attainment a = Attainment.of(2026, days, stats, LIMITS);
        assertThat(a.exceedanceDays()).containsEntry("pm25", 1);
        assertThat(a.dailyLimitSets()).containsExactly("GB3095-2012", "GB3095-2026 transitional");
        assertThat(a.limitSet()).isEqualTo("GB3095-2026 transitional");
        Attainment.Judgement pm25 = a.annual().stream()
                .filter(j -> j.pollutant().equals("pm25"))
                .findFirst()
                .orElseThrow();
        assertThat(pm25.limit()).isEqualTo(30.0);
        // Two days are no valid year: no judgement.
        assertThat(pm25.valid()).isFalse();
        assertThat(pm25.attained()).isNull();
    }

    @Test
    void aDayNeedsTwentyHoursUnderTheRevisedStandardToo() {
        DailyValues daily =
                new DailyValues(AqiStandards.load(), EvaluationRuleSets.load().forYear(2026));
        assertThat(daily.rules().minValidHoursPerDay()).isEqualTo(20);
        assertThat(daily.rules().minValidHoursPer8h()).isEqualTo(6);
    }

    private static DailyValue day(LocalDate d, Double pm25) {
        return new DailyValue(d, 10.0, 30.0, 100.0, pm25, 1.0, 100.0, 90.0, 80, null, "HJ633-2026", false, null);
    }

    /** {@code perMonth} days from the 1st of each month of the year, plus {@code extra} days in {@code month}. */
    private static List<DailyValue> year(
            int year, java.util.function.Function<Month, Integer> perMonth, Month month, int extra) {
        List<DailyValue> days = new ArrayList<>();
        for (Month m : Month.values()) {
            int n = perMonth.apply(m) + (m == month ? extra : 0);
            for (int i = 1; i <= n; i++) {
                days.add(day(LocalDate.of(year, m, i), 40.0));
            }
        }
        return days;
    }
}
