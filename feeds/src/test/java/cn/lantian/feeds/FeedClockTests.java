package cn.lantian.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FeedClockTests {

    static final Instant START = Instant.parse("2026-12-06T10:20:00Z");

    @Test
    void aHundredTimesRealSpeedMakesAnHourOf36Seconds() {
        FeedClock clock = new FeedClock(Clock.fixed(START.plusSeconds(36), ZoneOffset.UTC), START, 100);
        assertThat(clock.now()).isEqualTo(START.plusSeconds(3600));
        assertThat(clock.lastCompleteHour()).isEqualTo(Instant.parse("2026-12-06T11:00:00Z"));
        assertThat(clock.realDelayUntil(Instant.parse("2026-12-06T12:00:00Z"))).isEqualTo(Duration.ofSeconds(24));
        assertThat(clock.realDelayUntil(Instant.parse("2026-12-06T11:00:00Z"))).isZero();
    }

    @Test
    void realTimeWaitsTheWholeRest() {
        FeedClock clock = FeedClock.startingNow(Clock.fixed(START, ZoneOffset.UTC), 1);
        assertThat(clock.realDelayUntil(Instant.parse("2026-12-06T11:00:00Z"))).isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    void refusesASpeedBelowRealTime() {
        assertThatThrownBy(() -> FeedClock.startingNow(Clock.systemUTC(), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeedClock.startingNow(Clock.systemUTC(), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
