package cn.lantian.feeds.stationary;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** A production line's electricity meter: mean kW over the quarter hour starting at {@code at}. */
record MeterReading(String lineId, Instant at, double kw) {

    private static final long SEED = 20261208L;
    /** A line's usual load; stationary's demo measures allow 80 %, 50 % and 10 % of 5,200 kW in an alert. */
    private static final double USUAL_KW = 4_000;

    /** The reading as one line of stationary's inbound JSON-lines format ({@code lineId, at, kw}). */
    String jsonLine() {
        return "{\"lineId\":\"" + lineId + "\",\"at\":\""
                + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.ofHours(8))) + "\",\"kw\":" + kw
                + "}";
    }

    /**
     * This quarter hour as the line runs while a measure allows it at most {@code allowedKw}: the operator keeps the
     * line at 85-95 % of what is allowed (a demonstration choice: compliant, with the margin a plant keeps), or at its
     * usual load where that is lower already. Fixed by line and time like the usual load.
     */
    MeterReading within(double allowedKw) {
        SplittableRandom rnd = new SplittableRandom(SEED ^ lineId.hashCode() ^ (at.getEpochSecond() / 900));
        double reduced = Math.floor(allowedKw * (0.85 + 0.1 * rnd.nextDouble()));
        return new MeterReading(lineId, at, Math.min(kw, reduced));
    }

    /** The line's quarter hour starting at {@code at}: its usual load with a daily rhythm, fixed by line and time. */
    static MeterReading of(String lineId, Instant at) {
        SplittableRandom rnd = new SplittableRandom(SEED * 0x9E3779B97F4A7C15L
                ^ lineId.hashCode() * 0xC2B2AE3D27D4EB4FL
                ^ (at.getEpochSecond() / 900) * 0x165667B19E3779F9L);
        int hourOfDay = at.atOffset(ZoneOffset.ofHours(8)).getHour();
        double rhythm = 1 + 0.1 * Math.sin((hourOfDay - 8) / 24.0 * 2 * Math.PI);
        return new MeterReading(lineId, at, Math.round(USUAL_KW * rhythm * (0.9 + 0.2 * rnd.nextDouble())));
    }
}
