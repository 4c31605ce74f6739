package cn.lantian.feeds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Simulated time: real time from the start on, run {@code speed} times faster (1 = real time, 100 = an hour every
 * 36 seconds, for demonstrations).
 */
public record FeedClock(Clock real, Instant startedAt, double speed) {

    /** Starts the simulated time at the real now. */
    public static FeedClock startingNow(Clock real, double speed) {
        if (!(speed >= 1)) {
            throw new IllegalArgumentException("speed must be a number >= 1, not " + speed);
        }
        return new FeedClock(real, real.instant(), speed);
    }

    /** The simulated now. */
    public Instant now() {
        long elapsed = Duration.between(startedAt, real.instant()).toMillis();
        return startedAt.plusMillis(Math.round(elapsed * speed));
    }

    /** The newest complete hour (its end, on the hour) at the simulated now. */
    public Instant lastCompleteHour() {
        return now().truncatedTo(ChronoUnit.HOURS);
    }

    /** Real time to wait until the simulated clock reaches {@code at} (zero when it has). */
    public Duration realDelayUntil(Instant at) {
        long simulated = Duration.between(now(), at).toMillis();
        return simulated <= 0 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(simulated / speed));
    }
}
