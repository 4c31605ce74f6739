package cn.lantian.airquality.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Targets arithmetic: what remains and the status, for 2024's and 2025's bounds. */
class ProgressTests {

    private static final EvaluationRules RULES = EvaluationRules.load();
    private static final Target T2024 = Targets.load().of(2024, "653100").orElseThrow();
    private static final Target T2025 = Targets.load().of(2025, "653100").orElseThrow();

    /** {@code days} days of which {@code good} good and {@code heavy} heavy, PM2.5 {@code pm25} each. */
    static YearStatistics stats(int days, int good, int heavy, double pm25) {
        List<DailyValue> list = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            int aqi = i < good ? 80 : i < good + heavy ? 250 : 150;
            list.add(new DailyValue(
                    LocalDate.of(2024, 1, 1).plusDays(i),
                    null,
                    null,
                    null,
                    pm25,
                    null,
                    null,
                    null,
                    aqi,
                    null,
                    "HJ633-2012",
                    false,
                    null));
        }
        return YearStatistics.of(list, RULES, false);
    }

    @Test
    void targetsAreDataPerYearAndCountiesFallBackToThePrefecture() {
        assertThat(T2024.goodDayShare()).isEqualTo(new Target.Bound(">=", 42.7));
        assertThat(T2024.heavyDayShare()).isEqualTo(new Target.Bound("<=", 0.5));
        assertThat(T2025.pm25Mean()).isEqualTo(new Target.Bound("<=", 52.8));
        assertThat(Targets.load().of(2024, "653125")).contains(T2024);
        assertThat(Targets.load().of(2030, "653100")).isEmpty();
    }

    @Test
    void goodDaysStillNeeded() {
        // 366 days: 42.7 % needs ceil(156.282) = 157 good days; 100 so far leaves 57 with 200 days to go.
        Progress p = Progress.goodDays(stats(166, 100, 0, 40), T2024.goodDayShare(), 200);
        assertThat(p.remaining()).isEqualTo(57.0);
        assertThat(p.status()).isEqualTo(Progress.ON_TRACK);
        Progress behind = Progress.goodDays(stats(166, 60, 0, 40), T2024.goodDayShare(), 200);
        assertThat(behind.remaining()).isEqualTo(97.0);
        assertThat(behind.status()).isEqualTo(Progress.AT_RISK);
        Progress lost = Progress.goodDays(stats(356, 140, 0, 40), T2024.goodDayShare(), 10);
        assertThat(lost.status()).isEqualTo(Progress.MISSED);
    }

    @Test
    void heavyDaysStillAllowedRespectStrictAndInclusiveBounds() {
        // 2024 and 2025, <= 0.5 %: 1.83 and 1.825, <= 0.5 % of 365 = 1.825: at most 1 as well.
        assertThat(Progress.heavyDays(stats(100, 50, 0, 40), T2024.heavyDayShare(), 266)
                        .remaining())
                .isEqualTo(1.0);
        assertThat(Progress.heavyDays(stats(100, 50, 2, 40), T2024.heavyDayShare(), 266)
                        .status())
                .isEqualTo(Progress.MISSED);
        // 400 days at exactly 0.5 % = 2: "<" allows 1, "<=" allows 2.
        assertThat(Progress.heavyDays(stats(400, 300, 0, 40), new Target.Bound("<", 0.5), 0)
                        .remaining())
                .isEqualTo(1.0);
        assertThat(Progress.heavyDays(stats(400, 300, 0, 40), new Target.Bound("<=", 0.5), 0)
                        .remaining())
                .isEqualTo(2.0);
    }

    @Test
    void pm25MeanTheRestOfTheYearMustStayUnder() {
        // 100 days at 60: (53 * 366 - 6000) / 266 = 50.37 -> must stay under 50.3 (floored to be safe).
        Progress p = Progress.pm25(stats(100, 50, 0, 60), T2024.pm25Mean(), 266);
        assertThat(p.remaining()).isEqualTo(50.3);
        assertThat(p.status()).isEqualTo(Progress.AT_RISK);
        assertThat(Progress.pm25(stats(366, 200, 0, 52.9), T2024.pm25Mean(), 0).status())
                .isEqualTo(Progress.MET);
        assertThat(Progress.pm25(stats(366, 200, 0, 53), T2024.pm25Mean(), 0).status())
                .isEqualTo(Progress.MISSED);
        assertThat(Progress.pm25(stats(365, 200, 0, 52.8), T2025.pm25Mean(), 0).status())
                .isEqualTo(Progress.MET);
    }
}
