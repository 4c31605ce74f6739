package cn.lantian.dust.site;

import cn.lantian.dust.rules.DustRules;
import java.math.BigDecimal;
import java.util.Set;

/** Section 三.八: a site of the rule's area or more that is not finished must have an online particulate monitor. */
public final class MonitorRule {

    /** Statuses in which a site needs its monitor. */
    static final Set<String> OPEN = Set.of("planned", "active", "suspended");

    private final BigDecimal minArea;

    public MonitorRule(DustRules rules) {
        this.minArea = BigDecimal.valueOf(rules.number(DustRules.SITE_MONITOR_MIN_AREA));
    }

    /** Whether a site of that area and status must have a monitor (the threshold itself included). */
    public boolean requiresMonitor(BigDecimal areaM2, String status) {
        return OPEN.contains(status) && areaM2.compareTo(minArea) >= 0;
    }
}
