package cn.lantian.mobile.sensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shipped limits: sourced, marked unconfirmed as the domain brief says, and applied strictly above the limit. */
class SensingRulesTests {

    private final SensingRules rules = new SensingRules();

    @Test
    void everyRemoteSensingLimitNamesHj845AndStaysUnconfirmed() {
        assertThat(rules.limits()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.source()).contains("HJ 845-2017");
            assertThat(l.status()).isEqualTo("unconfirmed");
            assertThat(SensingRules.POLLUTANTS).contains(l.pollutant());
        });
        assertThat(rules.limits())
                .extracting(Limit::pollutant)
                .containsExactlyInAnyOrderElementsOf(SensingRules.POLLUTANTS);
    }

    @Test
    void aValueAtTheLimitPassesAndOneAboveFails() {
        Limit opacity = rules.limit("diesel", "opacity").orElseThrow();
        assertThat(opacity.exceededBy(opacity.value())).isFalse();
        assertThat(opacity.exceededBy(Math.nextUp(opacity.value()))).isTrue();
        assertThat(opacity.exceededBy(opacity.value() - 1)).isFalse();
    }

    @Test
    void fuelsWithoutARowAreNotJudged() {
        assertThat(rules.limit("petrol", "opacity")).isEmpty();
        assertThat(rules.limit("electric", "nox")).isEmpty();
    }

    @Test
    void aRowWithoutSourceIsRefusedAtLoad() {
        assertThatThrownBy(() -> new SensingRules(
                        "fuel,pollutant,limit,unit,status,source\ndiesel,nox,1,ppm,unconfirmed,\n",
                        "failures,window_months,status,source\n2,6,x,y\n"))
                .isInstanceOf(IllegalStateException.class);
    }
}
