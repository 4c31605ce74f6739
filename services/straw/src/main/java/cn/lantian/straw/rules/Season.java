package cn.lantian.straw.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A straw season of a year, e.g. {@code 2025-autumn}: the months of one harvest, China Standard Time.
 *
 * @param id {@code <year>-<name>}
 * @param from the first day, inclusive
 * @param until the day after the last, exclusive
 */
public record Season(String id, LocalDate from, LocalDate until) {

    /** The zone in which seasons and report days are counted. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The first instant of the season. */
    public java.time.Instant start() {
        return ZonedDateTime.of(from.atStartOfDay(), ZONE).toInstant();
    }

    /** The first instant after the season. */
    public java.time.Instant end() {
        return ZonedDateTime.of(until.atStartOfDay(), ZONE).toInstant();
    }
}
