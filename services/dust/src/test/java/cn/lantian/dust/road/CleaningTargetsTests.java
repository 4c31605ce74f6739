package cn.lantian.dust.road;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 国发〔2023〕24号's mechanised-cleaning targets, read from the rule file, at their edges. */
class CleaningTargetsTests {

    private final CleaningTargets targets = CleaningTargets.load();

    @Test
    void theTargetItselfIsMet() {
        assertThat(targets.of("city-built-up").targetPct()).isEqualTo(80);
        assertThat(targets.of("county-town").targetPct()).isEqualTo(70);
        assertThat(targets.of("county-town").met(70.0)).isTrue();
        assertThat(targets.of("county-town").met(69.9)).isFalse();
        assertThat(targets.of("city-built-up").source()).contains("国发〔2023〕24号");
        assertThat(targets.knows("village")).isFalse();
    }
}
