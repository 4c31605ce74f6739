package cn.lantian.feeds;

import java.io.IOException;
import java.time.Instant;

/**
 * One outside agency system. A feed brings its sources up to an hour (asking the platform's public API where each
 * stands) and then publishes each new hour; both are idempotent, since every value is fixed by source and hour.
 * Each agency is one implementation, listed in {@link Feeds}.
 */
public interface Feed {

    /** A short name for the logs and the launcher's status. */
    String name();

    /** Publishes every hour each source lacks, up to and including {@code lastHour}; returns the rows published. */
    long catchUp(Instant lastHour) throws IOException;

    /** Publishes one hour (its end, on the hour) for every source. */
    long publish(Instant hour) throws IOException;
}
