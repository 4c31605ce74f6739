package cn.lantian.feeds.airquality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * A station's hour as a pure function of station and hour, so that a replay publishes exactly the same values:
 * a prefecture-wide weather factor that persists over days, winter heating (more fine particles, at night), dusty
 * springs with storms shared by every station, summer afternoon ozone, rush-hour NO2, a few missing and flagged hours,
 * and the real April 2020 storm replayed in the history's first year.
 */
final class StationHours {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final HourShape shape;
    private final StormEpisode storm;

    StationHours(HourShape shape, StormEpisode storm) {
        this.shape = shape;
        this.storm = storm;
    }

    /** The hour ending at {@code hour} (on the hour) of a station whose level is {@code level} (1 = Kashgar City). */
    StationHour at(String station, double level, Instant hour) {
        long epochHour = hour.getEpochSecond() / 3600;
        SplittableRandom rnd = new SplittableRandom(mix(shape.seed(), station.hashCode(), epochHour));
        if (rnd.nextDouble() < shape.missingHourShare()) {
            return null;
        }
        Double[] real = storm.at(station, hour, level);
        if (real != null && java.util.Arrays.asList(real).subList(0, 6).contains(null)) {
            // An hour of the real episode that no real station measured in full is a missing hour, as it was then.
            return null;
        }
        if (real != null) {
            return new StationHour(
                    station, hour, real[0], real[1], real[2], real[3], real[4], real[5], real[6], true, "N");
        }
        LocalDateTime local = LocalDateTime.ofInstant(hour, CHINA);
        // The hour ending at 00:00 belongs to the day before (hours 1..24 of a day, as the national publication
        // counts).
        LocalDate day = local.minusHours(1).toLocalDate();
        int h = local.getHour() == 0 ? 24 : local.getHour();
        int m = day.getMonthValue() - 1;
        long epochDay = day.toEpochDay();
        boolean heating = m <= 2 || m >= 10;
        double dayFactor = Math.exp(weather(epochDay)
                + 0.12 * gaussian(new SplittableRandom(mix(shape.seed() + 7, station.hashCode(), epochDay))));
        double noise = Math.exp(shape.hourSigma() * gaussian(rnd));
        double base = level * shape.pm10ByMonth()[m] * dayFactor * diurnalParticles(h, heating) * noise;
        double exposure = 0.7 + 0.6 * new SplittableRandom(mix(shape.seed() + 3, station.hashCode(), 0)).nextDouble();
        double dust = dust(epochHour) * exposure * Math.min(1.0, level * 1.2);
        double pm10 = base + dust;
        double pm25 = base * shape.fineRatioByMonth()[m] * Math.exp(0.1 * gaussian(rnd)) + dust * 0.22;
        double summer = Math.sin(Math.PI * (day.getDayOfYear() - 80) / 365.0);
        double o3 = Math.max(
                3, 45 + 25 * summer + (40 + 60 * Math.max(0, summer)) * afternoon(h) - 0.05 * base + 8 * gaussian(rnd));
        double no2 = Math.max(2, (heating ? 38 : 24) * rush(h) * Math.sqrt(dayFactor) + 4 * gaussian(rnd));
        double so2 = Math.max(1, (heating ? 18 : 7) * Math.sqrt(dayFactor) + 2 * gaussian(rnd));
        double co = Math.max(0.1, (heating ? 1.3 : 0.6) * Math.sqrt(dayFactor) + 0.1 * gaussian(rnd));
        boolean flagged = rnd.nextDouble() < shape.flaggedHourShare();
        return new StationHour(
                station,
                hour,
                (double) Math.round(so2),
                (double) Math.round(no2),
                (double) Math.round(pm10),
                (double) Math.round(pm25),
                Math.round(co * 10) / 10.0,
                (double) Math.round(o3),
                null,
                !flagged,
                flagged ? (rnd.nextBoolean() ? "M" : "C") : "N");
    }

    /** Prefecture-wide log weather factor of a day: a moving average of daily draws, so bad days come in spells. */
    private double weather(long epochDay) {
        double z = 0.6 * daily(epochDay)
                + 0.5 * daily(epochDay - 1)
                + 0.4 * daily(epochDay - 2)
                + 0.3 * daily(epochDay - 3);
        return z / Math.sqrt(0.36 + 0.25 + 0.16 + 0.09) * shape.dayToDaySigma();
    }

    private double daily(long epochDay) {
        return gaussian(new SplittableRandom(mix(shape.seed() + 1, 0, epochDay)));
    }

    /** Hourly PM10 added by storms that began on this day or the three before (a storm lasts 18-60 hours). */
    private double dust(long epochHour) {
        long today = Math.floorDiv(epochHour - 1 + 8, 24);
        double add = 0;
        for (long d = today - 3; d <= today; d++) {
            LocalDate day = LocalDate.ofEpochDay(d);
            SplittableRandom r = new SplittableRandom(mix(shape.seed() + 2, 0, d));
            double perDay = shape.dustEventsPerMonth()[day.getMonthValue() - 1] / day.lengthOfMonth();
            if (r.nextDouble() >= perDay) {
                continue;
            }
            double peak = shape.dustPeakMin() + r.nextDouble() * (shape.dustPeakMax() - shape.dustPeakMin());
            long start = d * 24 - 8 + r.nextInt(24);
            int rise = r.nextInt(3, 8);
            int length = r.nextInt(18, 60);
            long i = epochHour - start;
            if (i >= 0 && i < length) {
                add += peak * (i < rise ? (i + 1.0) / rise : Math.exp(-(i - rise) / (length / 3.0)));
            }
        }
        return add;
    }

    /** Particles build up at night and in the morning; in heating season more so. */
    private static double diurnalParticles(int h, boolean heating) {
        double night = h >= 22 || h <= 3 ? 1.2 : h >= 9 && h <= 12 ? 1.1 : h >= 15 && h <= 19 ? 0.8 : 1.0;
        return heating ? night * (night > 1 ? 1.1 : 1.0) : night;
    }

    /** Ozone peaks in the afternoon (Beijing time, so about 17:00-19:00). */
    private static double afternoon(int h) {
        double x = (h - 18) / 3.0;
        return Math.exp(-x * x);
    }

    /** Traffic peaks around 10:00 and 21:00 Beijing time. */
    private static double rush(int h) {
        return 0.8 + 0.35 * (Math.exp(-Math.pow((h - 10) / 2.0, 2)) + Math.exp(-Math.pow((h - 21) / 2.0, 2)));
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static long mix(long seed, int station, long unit) {
        return seed * 0x9E3779B97F4A7C15L ^ (station * 0xC2B2AE3D27D4EB4FL) ^ (unit * 0x165667B19E3779F9L);
    }
}
