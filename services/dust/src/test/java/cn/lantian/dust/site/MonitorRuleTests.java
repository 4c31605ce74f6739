package cn.lantian.dust.site;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.dust.rules.DustRules;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Section 三.八's 3,000 m² rule at its edge. */
class MonitorRuleTests {

    private final MonitorRule rule = new MonitorRule(DustRules.load());

    @Test
    void aSiteOf3000SquareMetresNeedsAMonitorAndOneOf2999Point9DoesNot() {
        assertThat(rule.requiresMonitor(new BigDecimal("3000"), "active")).isTrue();
        assertThat(rule.requiresMonitor(new BigDecimal("3000.0"), "planned")).isTrue();
        assertThat(rule.requiresMonitor(new BigDecimal("2999.9"), "active")).isFalse();
    }

    @Test
    void aFinishedSiteNeedsNoMonitorWhateverItsArea() {
        assertThat(rule.requiresMonitor(new BigDecimal("50000"), "finished")).isFalse();
        assertThat(rule.requiresMonitor(new BigDecimal("50000"), "suspended")).isTrue();
    }
}
