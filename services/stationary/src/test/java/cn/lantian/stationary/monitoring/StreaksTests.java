package cn.lantian.stationary.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreaksTests {

    private static Instant h(int hour) {
        return Instant.parse("2026-11-20T00:00:00Z").plusSeconds(hour * 3600L);
    }

    private static Map<Instant, Streaks.Hour> exceeding(int... hours) {
        Map<Instant, Streaks.Hour> known = new HashMap<>();
        for (int hour : hours) {
            known.put(h(hour), new Streaks.Hour(true, 1 + hour / 10.0, false));
        }
        return known;
    }

    @Test
    void theRunHoldingAnHourReachesBothWaysWhateverTheArrivalOrder() {
        Map<Instant, Streaks.Hour> known = exceeding(1, 2, 3, 5);
        assertThat(Streaks.around(h(2), known, 72)).hasValueSatisfying(run -> {
            assertThat(run.exceeding()).isEqualTo(3);
            assertThat(run.from()).isEqualTo(h(1));
            assertThat(run.to()).isEqualTo(h(3));
            assertThat(run.maxRatio()).isEqualTo(1.3);
        });
        assertThat(Streaks.around(h(5), known, 72))
                .hasValueSatisfying(run -> assertThat(run.exceeding()).isOne());
    }

    @Test
    void aMissingHourBreaksTheRunAndALateOneBridgesIt() {
        Map<Instant, Streaks.Hour> known = exceeding(1, 2, 4, 5);
        assertThat(Streaks.around(h(5), known, 72))
                .hasValueSatisfying(run -> assertThat(run.exceeding()).isEqualTo(2));
        known.putAll(exceeding(3));
        assertThat(Streaks.around(h(3), known, 72)).hasValueSatisfying(run -> {
            assertThat(run.exceeding()).isEqualTo(5);
            assertThat(run.from()).isEqualTo(h(1));
            assertThat(run.to()).isEqualTo(h(5));
        });
    }

    @Test
    void aFlaggedHourNeitherCountsNorBreaksTheRun() {
        Map<Instant, Streaks.Hour> known = exceeding(1, 3);
        known.put(h(2), Streaks.Hour.flagged());
        assertThat(Streaks.around(h(2), known, 72)).hasValueSatisfying(run -> {
            assertThat(run.exceeding()).isEqualTo(2);
            assertThat(run.exceedingHours()).containsExactly(h(1), h(3));
        });
    }

    @Test
    void flaggedHoursAloneMakeNoRun() {
        Map<Instant, Streaks.Hour> known = new HashMap<>();
        known.put(h(1), Streaks.Hour.flagged());
        known.put(h(2), Streaks.Hour.flagged());
        assertThat(Streaks.around(h(1), known, 72)).isEmpty();
        assertThat(Streaks.around(h(7), exceeding(1), 72)).isEmpty();
    }

    @Test
    void aRunKnowsWhetherAnyOfItsHoursEscalated() {
        Map<Instant, Streaks.Hour> known = exceeding(1, 2);
        known.put(h(3), new Streaks.Hour(true, 2, true));
        assertThat(Streaks.around(h(1), known, 72))
                .hasValueSatisfying(run -> assertThat(run.escalated()).isTrue());
    }

    @Test
    void looksNoFurtherThanItsReach() {
        assertThat(Streaks.around(h(5), exceeding(1, 2, 3, 4, 5, 6, 7, 8, 9), 2))
                .hasValueSatisfying(
                        run -> assertThat(run.exceedingHours()).containsExactly(h(3), h(4), h(5), h(6), h(7)));
    }
}
