package cn.lantian.feeds.straw;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The straw fires of a day and what the satellites saw of them, as a pure function of the day: fires in the burning
 * seasons ({@code shape/straw-fires.csv}) placed on the farmland of the oasis counties and Tumxuk, burning for one to
 * five hours in the afternoon, detected by the passes of Terra and Aqua (MODIS) and of Suomi NPP, NOAA-20 and NOAA-21
 * (VIIRS) that fall while they burn; one fire's detections lie a few hundred metres apart, so straw merges them.
 */
final class StrawFires {

    private static final long SEED = 20261208L;
    private static final double[] PER_DAY = perDay();

    /** Approximate daytime passes over Kashgar (about 76° E), minutes after 00:00 UTC: 10:30 and 13:30 local solar. */
    private record Pass(Detection.Instrument instrument, String satellite, int minute, double chance) {}

    private static final List<Pass> PASSES = List.of(
            new Pass(Detection.Instrument.MODIS, "Terra", 5 * 60 + 25, 0.6),
            new Pass(Detection.Instrument.VIIRS, "N20", 7 * 60 + 5, 0.8),
            new Pass(Detection.Instrument.VIIRS, "N21", 7 * 60 + 30, 0.8),
            new Pass(Detection.Instrument.VIIRS, "N", 7 * 60 + 55, 0.8),
            new Pass(Detection.Instrument.MODIS, "Aqua", 8 * 60 + 25, 0.6));

    private final List<Farmland> farmland;

    StrawFires(List<Farmland> farmland) {
        this.farmland = farmland;
    }

    /** Every detection of the UTC day {@code day}, in time order. */
    List<Detection> of(LocalDate day) {
        double expected = PER_DAY[day.getMonthValue() - 1];
        if (expected == 0) {
            return List.of();
        }
        SplittableRandom rnd =
                new SplittableRandom(SEED * 0x9E3779B97F4A7C15L ^ day.toEpochDay() * 0xC2B2AE3D27D4EB4FL);
        int fires = poisson(rnd, expected);
        Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Detection> out = new ArrayList<>();
        for (int f = 0; f < fires; f++) {
            Farmland land = pick(rnd);
            double r = land.radiusKm() * Math.sqrt(rnd.nextDouble());
            double angle = 2 * Math.PI * rnd.nextDouble();
            double lat = land.lat() + r * Math.sin(angle) / 111.0;
            double lon = land.lon() + r * Math.cos(angle) / (111.0 * Math.cos(Math.toRadians(land.lat())));
            Instant start = midnight.plus(Duration.ofMinutes(4 * 60 + rnd.nextInt(6 * 60)));
            Instant end = start.plus(Duration.ofMinutes(60 + rnd.nextInt(4 * 60)));
            double intensity = 0.5 + rnd.nextDouble();
            for (Pass pass : PASSES) {
                Instant at = midnight.plus(Duration.ofMinutes(pass.minute() - 10 + rnd.nextInt(21)));
                if (at.isBefore(start) || at.isAfter(end) || rnd.nextDouble() >= pass.chance()) {
                    continue;
                }
                out.add(detection(pass, at, lat, lon, intensity, rnd));
            }
        }
        out.sort(Comparator.comparing(Detection::at));
        return out;
    }

    private static Detection detection(
            Pass pass, Instant at, double lat, double lon, double intensity, SplittableRandom rnd) {
        boolean modis = pass.instrument() == Detection.Instrument.MODIS;
        // A MODIS pixel is about 1 km at nadir, a VIIRS I-band pixel 375 m: the pixel centre lies that far from the
        // fire.
        double jitter = modis ? 0.004 : 0.0015;
        return new Detection(
                pass.instrument(),
                pass.satellite(),
                at,
                round(lat + jitter * (rnd.nextDouble() * 2 - 1), 5),
                round(lon + jitter * (rnd.nextDouble() * 2 - 1), 5),
                round(modis ? 305 + 30 * intensity * rnd.nextDouble() : 300 + 40 * intensity * rnd.nextDouble(), 2),
                round(modis ? 290 + 10 * rnd.nextDouble() : 285 + 12 * rnd.nextDouble(), 2),
                round(modis ? 1 + rnd.nextDouble() : 0.39 + 0.2 * rnd.nextDouble(), 2),
                round(modis ? 1 + 0.4 * rnd.nextDouble() : 0.36 + 0.14 * rnd.nextDouble(), 2),
                modis
                        ? String.valueOf(30 + rnd.nextInt(66))
                        : rnd.nextInt(10) < 2 ? "l" : rnd.nextInt(10) < 8 ? "n" : "h",
                round(intensity * (modis ? 5 + 40 * rnd.nextDouble() : 1 + 15 * rnd.nextDouble()), 2));
    }

    private Farmland pick(SplittableRandom rnd) {
        double total = farmland.stream().mapToDouble(Farmland::share).sum();
        double x = rnd.nextDouble() * total;
        for (Farmland land : farmland) {
            x -= land.share();
            if (x < 0) {
                return land;
            }
        }
        return farmland.get(farmland.size() - 1);
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

    private static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }

    private static double[] perDay() {
        try (InputStream in = StrawFires.class.getClassLoader().getResourceAsStream("shape/straw-fires.csv")) {
            double[] out = new double[12];
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("month")) {
                    continue;
                }
                String[] f = line.split(",");
                out[Integer.parseInt(f[0].trim()) - 1] = Double.parseDouble(f[1].trim());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
