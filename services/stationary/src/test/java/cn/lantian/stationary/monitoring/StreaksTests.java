package cn.lantian.stationary.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreaksTests {

    private static Instant h(int hour) {
        return Instant.parse("2026-11-20T00:00:00Z").plusSeconds(hour * 3600L);
    }

    @Test
    void countsConsecutiveHoursBackFromTheHour() {
        assertThat(Streaks.endingAt(h(3), Set.of(h(1), h(2), h(3)))).isEqualTo(3);
        assertThat(Streaks.endingAt(h(2), Set.of(h(1), h(2), h(3)))).isEqualTo(2);
    }

    @Test
    void aMissingOrFlaggedHourBreaksTheStreak() {
        // Hour 2 was flagged (maintenance), so it is not in the exceeding set.
        assertThat(Streaks.endingAt(h(3), Set.of(h(1), h(3)))).isEqualTo(1);
        assertThat(Streaks.endingAt(h(4), Set.of(h(1), h(2), h(3)))).isZero();
    }
}
