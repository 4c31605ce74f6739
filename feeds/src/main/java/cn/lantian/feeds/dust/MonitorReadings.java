package cn.lantian.feeds.dust;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * A site monitor's reading of an hour as a pure function of monitor and hour: a level per monitor, working hours'
 * dust (08:00-18:00 Beijing time), noise, and now and then an hour of open earthwork far above the alarm level.
 */
final class MonitorReadings {

    private static final long SEED = 20261206L;

    private MonitorReadings() {}

    /** The reading taken five minutes before the end of the hour ending at {@code hour}. */
    static MonitorReading at(String monitorId, Instant hour) {
        long epochHour = hour.getEpochSecond() / 3600;
        SplittableRandom rnd = new SplittableRandom(SEED * 0x9E3779B97F4A7C15L
                ^ monitorId.hashCode() * 0xC2B2AE3D27D4EB4FL
                ^ epochHour * 0x165667B19E3779F9L);
        int hourOfDay = hour.atOffset(ZoneOffset.ofHours(8)).getHour();
        double working = hourOfDay >= 8 && hourOfDay <= 18 ? 40 : 0;
        double base = 50 + (monitorId.hashCode() & 0x3f) + working + 15 * gaussian(rnd);
        double pm10 = Math.max(5, rnd.nextInt(60) == 0 ? base + 120 + rnd.nextInt(150) : base);
        return new MonitorReading(
                monitorId, hour.minusSeconds(300), Math.round(pm10 * 10) / 10.0, Math.round(pm10 * 4.5) / 10.0);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
