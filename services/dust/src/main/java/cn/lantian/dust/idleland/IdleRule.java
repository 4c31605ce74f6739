package cn.lantian.dust.idleland;

import cn.lantian.dust.rules.DustRules;
import java.time.LocalDate;

/** Section 三.八: land idle more than the rule's months must be greened, paved or covered. */
final class IdleRule {

    private final int months;
    private final int taskDays;

    IdleRule(DustRules rules) {
        this.months = (int) rules.number(DustRules.IDLE_MAX_MONTHS);
        this.taskDays = (int) rules.number(DustRules.IDLE_TASK_DAYS);
    }

    /** Whether land idle since that day is idle more than the allowed months on {@code today} (exactly is not more). */
    boolean overdue(LocalDate idleSince, LocalDate today) {
        return idleSince.plusMonths(months).isBefore(today);
    }

    /** When a task opened on {@code today} is due. */
    LocalDate dueBy(LocalDate today) {
        return today.plusDays(taskDays);
    }
}
