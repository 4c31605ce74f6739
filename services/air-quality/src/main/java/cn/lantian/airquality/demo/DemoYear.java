package cn.lantian.airquality.demo;

import cn.lantian.airquality.observation.HourlyAqi;
import cn.lantian.airquality.observation.Observation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a deterministic year of hourly observations for the demo stations: a shared day-to-day weather factor,
 * winter heating (more fine particles at night), dusty springs with storms that drive hourly PM10 far above
 * 600 µg/m³, summer afternoon ozone, missing runs of hours, flagged hours and one station outage.
 */
final class DemoYear {

    private final DemoShape shape;

    DemoYear(DemoShape shape) {
        this.shape = shape;
    }

    /** Every station's hours, station by station. */
    List<Observation> generate(List<DemoStation> stations) {
        SplittableRandom shared = new SplittableRandom(shape.seed());
        LocalDate first = LocalDate.of(shape.year(), 1, 1);
        int days = first.lengthOfYear();
        double[] weather = new double[days];
        double z = 0;
        for (int d = 0; d < days; d++) {
            double phi = shape.dayPersistence();
            z = phi * z + Math.sqrt(1 - phi * phi) * gaussian(shared) * shape.dayToDaySigma();
            weather[d] = z;
        }
        double[] dust = dustStorms(shared, first, days);
        List<Observation> out = new ArrayList<>(stations.size() * days * 24);
        for (int s = 0; s < stations.size(); s++) {
            DemoStation station = stations.get(s);
            SplittableRandom rnd = new SplittableRandom(shape.seed() * 31 + station.station().id().hashCode());
            double dustExposure = 0.7 + 0.6 * rnd.nextDouble();
            // One station loses a few days in July (a power fault), as real networks do.
            int outageStart = s == stations.size() / 2 ? 190 : -1;
            int missingLeft = 0;
            double local = 0;
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                int m = day.getMonthValue() - 1;
                local = 0.5 * local + 0.12 * gaussian(rnd);
                double dayFactor = Math.exp(weather[d] + local);
                boolean heating = m <= 2 || m >= 10;
                for (int h = 1; h <= 24; h++) {
                    if (outageStart >= 0 && d >= outageStart && d < outageStart + shape.outageDays()) {
                        continue;
                    }
                    if (missingLeft > 0) {
                        missingLeft--;
                        continue;
                    }
                    if (rnd.nextDouble() < shape.missingHourShare() / 3) {
                        missingLeft = rnd.nextInt(1, 6) - 1;
                        continue;
                    }
                    Instant hour = day.atStartOfDay(HourlyAqi.CHINA).plusHours(h).toInstant();
                    double noise = Math.exp(shape.hourSigma() * gaussian(rnd));
                    double base = station.level() * shape.pm10ByMonth()[m] * dayFactor * diurnalParticles(h, heating) * noise;
                    double storm = dust[d * 24 + h - 1] * dustExposure * Math.min(1.0, station.level() * 1.2);
                    double pm10 = base + storm;
                    double pm25 = base * shape.fineRatioByMonth()[m] * Math.exp(0.1 * gaussian(rnd)) + storm * 0.22;
                    double summer = Math.sin(Math.PI * (day.getDayOfYear() - 80) / 365.0);
                    double o3 = Math.max(3, 45 + 25 * summer + (40 + 60 * Math.max(0, summer)) * afternoon(h)
                            - 0.05 * base + 8 * gaussian(rnd));
                    double no2 = Math.max(2, (heating ? 38 : 24) * rush(h) * Math.sqrt(dayFactor) + 4 * gaussian(rnd));
                    double so2 = Math.max(1, (heating ? 18 : 7) * Math.sqrt(dayFactor) + 2 * gaussian(rnd));
                    double co = Math.max(0.1, (heating ? 1.3 : 0.6) * Math.sqrt(dayFactor) + 0.1 * gaussian(rnd));
                    boolean flagged = rnd.nextDouble() < shape.flaggedHourShare();
                    out.add(new Observation(station.station().id(), hour, (double) Math.round(so2), (double) Math.round(no2),
                            (double) Math.round(pm10), (double) Math.round(pm25), Math.round(co * 10) / 10.0,
                            (double) Math.round(o3), null, !flagged, flagged ? (rnd.nextBoolean() ? "M" : "C") : "N"));
                }
            }
        }
        return out;
    }

    /** Hourly PM10 added by dust storms, shared by every station (scaled per station). */
    private double[] dustStorms(SplittableRandom rnd, LocalDate first, int days) {
        double[] add = new double[days * 24];
        for (int d = 0; d < days; d++) {
            int m = first.plusDays(d).getMonthValue() - 1;
            double perDay = shape.dustEventsPerMonth()[m] / first.plusDays(d).lengthOfMonth();
            if (rnd.nextDouble() >= perDay) {
                continue;
            }
            double peak = shape.dustPeakMin() + rnd.nextDouble() * (shape.dustPeakMax() - shape.dustPeakMin());
            int start = d * 24 + rnd.nextInt(24);
            int rise = rnd.nextInt(3, 8);
            int length = rnd.nextInt(18, 60);
            for (int i = 0; i < length && start + i < add.length; i++) {
                double shapeFactor = i < rise ? (i + 1.0) / rise : Math.exp(-(i - rise) / (length / 3.0));
                add[start + i] += peak * shapeFactor;
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
}
