package cn.lantian.dust.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.dust.rules.DustRules;
import org.junit.jupiter.api.Test;

/** The exceedance rule at its edges, with the rule table's figures (alarm 150, margin 50 µg/m³). */
class ExceedanceRuleTests {

    private final DustRules rules = DustRules.load();
    private final ExceedanceRule rule = new ExceedanceRule(rules);
    private final double alarm = rules.number(DustRules.PM10_ALARM);
    private final double margin = rules.number(DustRules.PM10_OVER_STATION);

    @Test
    void theAlarmLevelItselfIsNoExceedanceAndAnythingAboveIs() {
        assertThat(rule.absolute(alarm)).isEmpty();
        assertThat(rule.absolute(alarm + 0.1))
                .singleElement()
                .satisfies(b -> assertThat(b.kind()).isEqualTo(ExceedanceRule.ALARM));
    }

    @Test
    void theStationComparisonNeedsTheStationsHourAndMoreThanTheMargin() {
        assertThat(rule.relative(130, 80.0)).as("exactly the margin above").isEmpty();
        assertThat(rule.relative(130.1, 80.0)).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(ExceedanceRule.OVER_STATION);
            assertThat(b.limit()).isEqualTo(80.0 + margin);
        });
    }

    @Test
    void aMissingStationHourLeavesOnlyTheAlarmLevel() {
        assertThat(rule.relative(140, null)).isEmpty();
        assertThat(rule.judge(140, null)).isEmpty();
        assertThat(rule.judge(alarm + 1, null))
                .extracting(ExceedanceRule.Breach::kind)
                .containsExactly(ExceedanceRule.ALARM);
        assertThat(rule.judge(alarm + 1, 20.0))
                .extracting(ExceedanceRule.Breach::kind)
                .containsExactly(ExceedanceRule.ALARM, ExceedanceRule.OVER_STATION);
    }
}
