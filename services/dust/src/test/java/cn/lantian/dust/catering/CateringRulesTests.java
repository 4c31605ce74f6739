package cn.lantian.dust.catering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** GB 18483-2001 Tables 1 and 2 at their edges, as the rule file carries them. */
class CateringRulesTests {

    private final CateringRules rules = CateringRules.load();

    private SizeClass of(int heads) {
        return rules.classOf(heads).orElseThrow();
    }

    @Test
    void cookingHeadsSetTheSizeClass() {
        assertThat(rules.classOf(0)).isEmpty();
        assertThat(of(1).size()).isEqualTo("small");
        assertThat(of(2).size()).isEqualTo("small");
        assertThat(of(3).size()).isEqualTo("medium");
        assertThat(of(5).size()).isEqualTo("medium");
        assertThat(of(6).size()).isEqualTo("large");
        assertThat(of(40).size()).isEqualTo("large");
        assertThat(rules.all()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo("confirmed");
            assertThat(c.source()).contains("GB 18483-2001");
        });
    }

    @Test
    void eachClassNeedsItsRemovalEfficiency() {
        assertThat(CateringJudge.purifier(of(2), "running", new BigDecimal("60")))
                .isEmpty();
        assertThat(CateringJudge.purifier(of(2), "running", new BigDecimal("59.9")))
                .containsExactly(CateringJudge.INSUFFICIENT);
        assertThat(CateringJudge.purifier(of(4), "running", new BigDecimal("74.9")))
                .containsExactly(CateringJudge.INSUFFICIENT);
        assertThat(CateringJudge.purifier(of(4), "running", new BigDecimal("75")))
                .isEmpty();
        assertThat(CateringJudge.purifier(of(6), "running", new BigDecimal("84.9")))
                .containsExactly(CateringJudge.INSUFFICIENT);
        assertThat(CateringJudge.purifier(of(6), "running", new BigDecimal("85")))
                .isEmpty();
    }

    @Test
    void aPurifierRemovedOrIdleIsAViolation() {
        assertThat(CateringJudge.purifier(of(4), "removed", null)).containsExactly(CateringJudge.REMOVED);
        assertThat(CateringJudge.purifier(of(4), "none", new BigDecimal("90"))).containsExactly(CateringJudge.REMOVED);
        assertThat(CateringJudge.purifier(of(4), "idle", new BigDecimal("90"))).containsExactly(CateringJudge.IDLE);
    }

    @Test
    void theFumeLimitItselfIsAllowed() {
        assertThat(CateringJudge.overLimit(of(4), 2.0)).isFalse();
        assertThat(CateringJudge.overLimit(of(4), 2.01)).isTrue();
    }
}
