package cn.lantian.mobile.sensing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * When readings over their limit make a vehicle a failure: the same pollutant over its limit {@code failures} times
 * or more within {@code windowMonths} months, the window ending at the newest failure and including its first day.
 */
record Judgement(int failures, int windowMonths, String status, String source) {

    /** Months are counted in Beijing time, the time of the prefecture's offices. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Whether a failure at {@code now}, with the earlier failures of the same vehicle and pollutant, makes the vehicle
     * a failure.
     */
    boolean fails(List<Instant> earlier, Instant now) {
        Instant from = now.atZone(ZONE).minusMonths(windowMonths).toInstant();
        long within = earlier.stream()
                .filter(at -> !at.isBefore(from) && !at.isAfter(now))
                .count();
        return within + 1 >= failures;
    }
}
