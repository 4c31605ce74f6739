package cn.lantian.dust.monitor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Hours are labelled by their end, as the national stations label theirs: 08:00-09:00 is the hour 09:00. */
final class Hours {

    private Hours() {}

    /** The label of the hour a reading taken at that instant belongs to (a reading at 09:00:00 closes hour 09:00). */
    static Instant label(Instant at) {
        Instant start = at.truncatedTo(ChronoUnit.HOURS);
        return start.equals(at) ? at : start.plus(1, ChronoUnit.HOURS);
    }
}
