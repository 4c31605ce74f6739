package cn.lantian.dust.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Keeps the rule table and the code in step: every rule the code reads is there, with a source and a status. */
class DustRulesTests {

    private final DustRules rules = DustRules.load();

    @Test
    void everyRuleTheCodeReadsIsInTheTableWithItsSource() {
        for (String id : DustRules.USED) {
            Rule rule = rules.rule(id);
            assertThat(rule.source()).as(id).isNotBlank();
            assertThat(DustRules.STATUSES).as(id).contains(rule.status());
        }
    }

    @Test
    void thePlansFiguresAreConfirmedAndOtherProvincesFiguresAreMarked() {
        assertThat(rules.rule(DustRules.SITE_MONITOR_MIN_AREA)).satisfies(r -> {
            assertThat(r.number()).isEqualTo(3000);
            assertThat(r.status()).isEqualTo("confirmed");
            assertThat(r.source()).contains("三.八");
        });
        assertThat(rules.rule(DustRules.IDLE_MAX_MONTHS).number()).isEqualTo(3);
        assertThat(rules.rule(DustRules.PM10_ALARM).status()).isEqualTo("secondary source");
        assertThat(rules.rule(DustRules.PM10_OVER_STATION).status()).isEqualTo("secondary source");
        assertThat(rules.rule(DustRules.EXCEEDANCE_MEASURE).value()).isEqualTo("wet-work");
    }

    @Test
    void aTableWithoutARuleTheCodeReadsIsRefused() {
        assertThatThrownBy(() -> DustRules.parse("id,value,unit,source,status,description\n"))
                .hasMessageContaining("is missing");
        assertThatThrownBy(() -> DustRules.parse("id,value,unit,source,status,description\nx,1,m,,confirmed,d\n"))
                .hasMessageContaining("names no source");
    }
}
