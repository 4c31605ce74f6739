package cn.lantian.airquality.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shares, means, HJ 663 percentiles and dust deduction. */
class YearStatisticsTests {

    private static final EvaluationRules RULES = EvaluationRules.load();

    static DailyValue day(int n, int aqi, double pm25, boolean dust) {
        return new DailyValue(
                LocalDate.of(2024, 1, 1).plusDays(n),
                10.0,
                30.0,
                100.0,
                pm25,
                1.0 + n / 10.0,
                100.0,
                (double) n,
                aqi,
                null,
                "HJ633-2012",
                dust,
                dust ? "test" : null);
    }

    @Test
    void percentileFollowsHj663Interpolation() {
        // n = 10, p = 90: k = 1 + 9 * 0.9 = 9.1, s = 9: X9 + 0.1 (X10 - X9) = 9 + 0.1 = 9.1
        assertThat(YearStatistics.percentile(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 90))
                .isEqualTo(9.1);
        assertThat(YearStatistics.percentile(new double[] {5}, 95)).isEqualTo(5.0);
        assertThat(YearStatistics.percentile(new double[0], 95)).isNull();
    }

    @Test
    void sharesCountGoodAtOneHundredAndHeavyAboveTwoHundred() {
        List<DailyValue> days =
                List.of(day(0, 100, 50, false), day(1, 101, 60, false), day(2, 200, 70, false), day(3, 201, 80, false));
        YearStatistics s = YearStatistics.of(days, RULES, false);
        assertThat(s.goodDays()).isEqualTo(1);
        assertThat(s.heavyDays()).isEqualTo(1);
        assertThat(s.goodDayShare()).isEqualTo(25.0);
        assertThat(s.heavyDayShare()).isEqualTo(25.0);
        assertThat(s.pm25Mean()).isEqualTo(65.0);
        assertThat(s.complete()).isFalse();
    }

    @Test
    void dustDaysAreDeductedFromEveryFigure() {
        List<DailyValue> days = new ArrayList<>();
        days.add(day(0, 80, 40, false));
        days.add(day(1, 500, 200, true));
        days.add(day(2, 90, 50, false));
        YearStatistics measured = YearStatistics.of(days, RULES, false);
        YearStatistics deducted = YearStatistics.of(days, RULES, true);
        assertThat(measured.validDays()).isEqualTo(3);
        assertThat(measured.heavyDays()).isEqualTo(1);
        assertThat(measured.pm25Mean()).isEqualTo(96.7);
        assertThat(deducted.validDays()).isEqualTo(2);
        assertThat(deducted.heavyDays()).isZero();
        assertThat(deducted.goodDayShare()).isEqualTo(100.0);
        assertThat(deducted.pm25Mean()).isEqualTo(45.0);
        assertThat(deducted.dustDays()).isEqualTo(1);
    }
}
