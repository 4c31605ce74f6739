package cn.lantian.feeds.mobile;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The passes of one site in one hour as a pure function of site, hour and fleet: traffic with a daily rhythm (busy by
 * day, almost none at night), vehicles drawn from the registry, clean exhaust for most and a gross emitter now and
 * then (about one diesel vehicle in {@value #GROSS_ONE_IN}, over the opacity and Ringelmann limits in two of three
 * passes), so that mobile's judgement finds failures as it would in real data.
 */
final class SensingReadings {

    /** Passes per hour at the busiest site at its busiest hour (demo volume: about 120 readings a day in all). */
    private static final double PEAK_PASSES = 1.4;

    private static final int GROSS_ONE_IN = 60;
    private static final long SEED = 20261207L;

    /** Traffic by hour of day (Beijing time), as a share of the busiest hour. */
    private static final double[] RHYTHM = {
        0.05, 0.03, 0.02, 0.02, 0.02, 0.05, 0.15, 0.35, 0.6, 0.8, 0.9, 1.0, 1.0, 0.9, 0.9, 1.0, 1.0, 0.9, 0.8, 0.6, 0.4,
        0.3, 0.15, 0.08
    };

    private SensingReadings() {}

    /** Whether the vehicle is one of the fleet's gross emitters (fixed by its plate). */
    static boolean grossEmitter(Vehicle v) {
        return v.diesel() && Math.floorMod(Traffic.key(v.plate()) >>> 7, GROSS_ONE_IN) == 7;
    }

    /** The readings of the hour ending at {@code hour} (on the hour) at {@code site}, in time order. */
    static List<SensingReading> of(Site site, Instant hour, Traffic fleet) {
        long epochHour = hour.getEpochSecond() / 3600;
        SplittableRandom rnd = new SplittableRandom(SEED * 0x9E3779B97F4A7C15L
                ^ site.id().hashCode() * 0xC2B2AE3D27D4EB4FL
                ^ epochHour * 0x165667B19E3779F9L);
        int hourOfDay = hour.minusSeconds(1).atOffset(ZoneOffset.ofHours(8)).getHour();
        double expected = PEAK_PASSES * site.traffic() * RHYTHM[hourOfDay];
        int passes = poisson(rnd, expected);
        List<SensingReading> out = new ArrayList<>(passes);
        if (fleet.isEmpty()) {
            return out;
        }
        int[] seconds = new int[passes];
        for (int i = 0; i < passes; i++) {
            seconds[i] = rnd.nextInt(3600);
        }
        java.util.Arrays.sort(seconds);
        for (int i = 0; i < passes; i++) {
            Vehicle v = fleet.at(rnd.nextLong());
            if (!v.measured()) {
                continue;
            }
            boolean dirty = grossEmitter(v) && rnd.nextInt(3) > 0;
            Double opacity = null;
            Integer ringelmann = null;
            double nox;
            if (v.diesel()) {
                opacity = (double) (dirty ? 32 + rnd.nextInt(30) : 2 + rnd.nextInt(15));
                ringelmann = dirty ? 1 + rnd.nextInt(2) : 0;
                nox = dirty ? 1300 + rnd.nextInt(1200) : 250 + rnd.nextInt(700);
            } else {
                nox = 30 + rnd.nextInt(400);
            }
            out.add(new SensingReading(
                    v.plate(),
                    hour.minusSeconds(3600 - seconds[i]),
                    site.lon(),
                    site.lat(),
                    opacity,
                    ringelmann,
                    nox,
                    25 + rnd.nextInt(45),
                    Math.round((rnd.nextDouble() * 2 - 0.6) * 10) / 10.0,
                    rnd.nextInt(40) / 10.0));
        }
        return out;
    }

    private static int poisson(SplittableRandom rnd, double mean) {
        double limit = Math.exp(-mean);
        double p = rnd.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rnd.nextDouble();
            k++;
        }
        return k;
    }
}
