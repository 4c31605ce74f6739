package cn.lantian.stationary.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Counting consecutive exceeding hours. */
final class Streaks {

    private Streaks() {
    }

    /** How many consecutive hours, ending with {@code hour}, are in the exceeding set. */
    static int endingAt(Instant hour, Set<Instant> exceeding) {
        int n = 0;
        Instant h = hour;
        while (exceeding.contains(h)) {
            n++;
            h = h.minus(Duration.ofHours(1));
        }
        return n;
    }
}
