package cn.lantian.airquality.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule table of 环大气〔2024〕6号 at its edges. */
class AlertRulesTests {

    private static final AlertRules RULES = AlertRules.load();

    static List<ForecastDay> days(int... aqi) {
        List<ForecastDay> list = new ArrayList<>();
        for (int i = 0; i < aqi.length; i++) {
            list.add(new ForecastDay(LocalDate.of(2024, 12, 15).plusDays(i), aqi[i], false));
        }
        return list;
    }

    @Test
    void yellowFromOneDayAboveTwoHundredOrTwoAboveOneFifty() {
        assertThat(RULES.decide(days(200, 150, 150)).level()).isEqualTo(AlertLevel.NONE);
        assertThat(RULES.decide(days(201, 100)).level()).isEqualTo(AlertLevel.YELLOW);
        assertThat(RULES.decide(days(151, 151, 100)).level()).isEqualTo(AlertLevel.YELLOW);
        assertThat(RULES.decide(days(151, 100, 151)).level()).isEqualTo(AlertLevel.NONE);
    }

    @Test
    void orangeFromTwoDaysAboveTwoHundredOrThreeAboveOneFifty() {
        AlertRules.Decision a = RULES.decide(days(201, 201, 100));
        assertThat(a.level()).isEqualTo(AlertLevel.ORANGE);
        assertThat(a.rule().id()).isEqualTo("alert-orange-a");
        AlertRules.Decision b = RULES.decide(days(151, 160, 170));
        assertThat(b.level()).isEqualTo(AlertLevel.ORANGE);
        assertThat(b.rule().id()).isEqualTo("alert-orange-b");
    }

    @Test
    void redNeedsThreeDaysAboveTwoHundredAndOneAboveThreeHundred() {
        assertThat(RULES.decide(days(201, 250, 300)).level()).isEqualTo(AlertLevel.ORANGE);
        assertThat(RULES.decide(days(201, 250, 301)).level()).isEqualTo(AlertLevel.RED);
        assertThat(RULES.decide(days(301, 100, 201, 201, 201)).level()).isEqualTo(AlertLevel.RED);
    }

    @Test
    void dustDaysAreOutsideTheEmergencyPlans() {
        List<ForecastDay> dust = List.of(
                new ForecastDay(LocalDate.of(2024, 4, 1), 500, true),
                new ForecastDay(LocalDate.of(2024, 4, 2), 500, true));
        assertThat(RULES.decide(dust).level()).isEqualTo(AlertLevel.NONE);
    }

    @Test
    void gapsInTheForecastBreakARun() {
        List<ForecastDay> gap = List.of(
                new ForecastDay(LocalDate.of(2024, 12, 1), 250, false),
                new ForecastDay(LocalDate.of(2024, 12, 3), 250, false));
        assertThat(RULES.decide(gap).level()).isEqualTo(AlertLevel.YELLOW);
    }
}
