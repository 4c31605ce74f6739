package cn.lantian.dust.idleland;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.dust.rules.DustRules;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Section 三.八: idle more than three months. */
class IdleRuleTests {

    private final IdleRule rule = new IdleRule(DustRules.load());

    @Test
    void exactlyThreeMonthsIdleIsNotMoreThanThreeMonths() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertThat(rule.overdue(LocalDate.of(2026, 9, 6), today)).isFalse();
        assertThat(rule.overdue(LocalDate.of(2026, 9, 5), today)).isTrue();
        assertThat(rule.overdue(LocalDate.of(2026, 11, 1), today)).isFalse();
    }

    @Test
    void aTaskIsDueTheRulesDaysAfterItOpens() {
        assertThat(rule.dueBy(LocalDate.of(2026, 12, 6)))
                .isEqualTo(LocalDate.of(2026, 12, 6)
                        .plusDays((long) DustRules.load().number(DustRules.IDLE_TASK_DAYS)));
    }
}
