package cn.lantian.stationary.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs of exceeding hours, judged by the hours' timestamps and never by the order in which they arrived. A run is a
 * stretch of consecutive hours each of which either exceeds or is flagged (maintenance, calibration, fault...): a
 * flagged hour inside a run neither counts nor breaks it, so a calibration hour cannot split a run of exceedances in
 * two; a valid hour within the limit, or an hour without any value, ends the run.
 */
final class Streaks {

    private static final Duration HOUR = Duration.ofHours(1);

    private Streaks() {}

    /**
     * What is known of one stored hour that can belong to a run.
     *
     * @param exceeding true for a valid exceeding hour, false for a flagged one
     * @param ratio value over limit (exceeding hours)
     * @param escalated whether the run this hour belonged to has already escalated
     */
    record Hour(boolean exceeding, double ratio, boolean escalated) {

        static Hour flagged() {
            return new Hour(false, 0, false);
        }
    }

    /** A run: its exceeding hours in order, the highest ratio, and whether any of its hours already escalated. */
    record Run(List<Instant> exceedingHours, double maxRatio, boolean escalated) {

        Instant from() {
            return exceedingHours.get(0);
        }

        Instant to() {
            return exceedingHours.get(exceedingHours.size() - 1);
        }

        int exceeding() {
            return exceedingHours.size();
        }
    }

    /**
     * The run that holds {@code hour}, looking at most {@code reach} hours either side; empty when the hour belongs to
     * no run or the run holds no exceeding hour.
     *
     * @param known the stored hours that may belong to a run (exceeding or flagged), by their start
     */
    static Optional<Run> around(Instant hour, Map<Instant, Hour> known, int reach) {
        if (!known.containsKey(hour)) {
            return Optional.empty();
        }
        Instant first = hour;
        for (int i = 0; i < reach && known.containsKey(first.minus(HOUR)); i++) {
            first = first.minus(HOUR);
        }
        List<Instant> exceeding = new ArrayList<>();
        double max = 0;
        boolean escalated = false;
        for (Instant h = first;
                known.containsKey(h) && !h.isAfter(hour.plus(HOUR.multipliedBy(reach)));
                h = h.plus(HOUR)) {
            Hour k = known.get(h);
            if (k.exceeding()) {
                exceeding.add(h);
                max = Math.max(max, k.ratio());
                escalated |= k.escalated();
            }
        }
        return exceeding.isEmpty() ? Optional.empty() : Optional.of(new Run(List.copyOf(exceeding), max, escalated));
    }
}
