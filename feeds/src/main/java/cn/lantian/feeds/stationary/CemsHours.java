package cn.lantian.feeds.stationary;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * An outlet's hourly CEMS value as a pure function of outlet, pollutant and hour: 45-60 % of its limit at reference
 * oxygen with a daily rhythm, measured at 1-3 points above the reference oxygen, one hour in about 900 at 115 % of
 * the limit, one in 200 flagged (maintenance, calibration, fault).
 */
final class CemsHours {

    private static final long SEED = 20261207L;
    private static final String[] FLAGS = {"M", "C", "D"};

    private final CemsLimits limits;

    CemsHours(CemsLimits limits) {
        this.limits = limits;
    }

    /** The value of the hour starting at {@code hour}, or null where the outlet's kind has no limit for the pollutant. */
    CemsReading at(Outlet outlet, String pollutant, Instant hour) {
        Double limit = limits.limit(outlet, pollutant);
        if (limit == null) {
            return null;
        }
        SplittableRandom rnd = new SplittableRandom(SEED * 0x9E3779B97F4A7C15L
                ^ (outlet.id() + pollutant).hashCode() * 0xC2B2AE3D27D4EB4FL
                ^ (hour.getEpochSecond() / 3600) * 0x165667B19E3779F9L);
        int hourOfDay = hour.atOffset(ZoneOffset.ofHours(8)).getHour();
        double rhythm = 1 + 0.25 * Math.sin((hourOfDay - 8) / 24.0 * 2 * Math.PI);
        double atRef = rnd.nextInt(900) == 0 ? limit * 1.15 : limit * (0.45 + 0.15 * rnd.nextDouble()) * rhythm;
        double ref = limits.referenceO2(outlet.sourceKind());
        double o2 = ref + 1 + 2 * rnd.nextDouble();
        double measured = atRef * (21 - o2) / (21 - ref);
        double baseFlow = 30000 + new SplittableRandom(outlet.id().hashCode()).nextInt(90000);
        int dice = rnd.nextInt(200);
        return new CemsReading(
                outlet.id(),
                pollutant,
                hour,
                round(measured),
                round(o2),
                (double) Math.round(baseFlow * rhythm),
                dice < FLAGS.length ? FLAGS[dice] : "N");
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
