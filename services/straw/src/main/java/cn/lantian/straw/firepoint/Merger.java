package cn.lantian.straw.firepoint;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups detections into incidents: each new detection, in time order, joins the incident of the nearest known
 * detection that is of the same fire ({@link MergeRule}), whether that one was stored before or arrived earlier in the
 * same batch; otherwise it opens an incident. Known detections are kept in a grid of cells one merge distance wide,
 * so that each detection is compared with its neighbours only.
 */
final class Merger {

    /** A detection already part of an incident. */
    record Known(String incidentId, double lat, double lon, Instant at) {}

    /** A known detection as the grid holds it: time as epoch seconds, to compare without allocating. */
    private record Point(String incidentId, double lat, double lon, long seconds) {}

    /** Where a new detection went. */
    record Assignment(Detection detection, String incidentId, boolean opened) {}

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(cn.lantian.straw.rules.Season.ZONE);
    private static final double KM_PER_DEGREE_LAT = 110.57;
    private static final double KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;

    private final MergeRule rule;
    private final double cellLat;
    private final double cellLon;
    private final Map<Long, List<Point>> grid = new HashMap<>();
    private final long windowSeconds;
    private final double latBound;
    private final double haversineBound;

    /**
     * @param maxAbsLat the largest absolute latitude of the detections to be merged (cells are widest there)
     */
    Merger(MergeRule rule, double maxAbsLat) {
        this.rule = rule;
        this.cellLat = rule.distanceKm() / KM_PER_DEGREE_LAT;
        double cos = Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, maxAbsLat))));
        this.cellLon = rule.distanceKm() / (KM_PER_DEGREE_LON_AT_EQUATOR * cos) * 1.01;
        this.windowSeconds = rule.window().toSeconds();
        this.latBound = MergeRule.maxLatDegrees(rule.distanceKm()) * 1.001;
        this.haversineBound = MergeRule.haversineBeyond(rule.distanceKm());
    }

    /** Adds a detection already stored with its incident. */
    void know(Known known) {
        add(new Point(known.incidentId(), known.lat(), known.lon(), known.at().getEpochSecond()));
    }

    private void add(Point point) {
        grid.computeIfAbsent(cell(cellOf(point.lat(), cellLat), cellOf(point.lon(), cellLon)), k -> new ArrayList<>(2))
                .add(point);
    }

    /** Assigns the detections, in time order, to incidents; later ones may join incidents opened by earlier ones. */
    List<Assignment> assign(List<Detection> detections) {
        List<Detection> ordered = new ArrayList<>(detections);
        ordered.sort(Comparator.comparing(Detection::acquiredAt).thenComparingInt(Detection::line));
        List<Assignment> out = new ArrayList<>(ordered.size());
        for (Detection d : ordered) {
            Point match = nearest(d);
            String incident = match == null ? idOf(d) : match.incidentId();
            add(new Point(incident, d.lat(), d.lon(), d.acquiredAt().getEpochSecond()));
            out.add(new Assignment(d, incident, match == null));
        }
        return out;
    }

    private Point nearest(Detection d) {
        long cy = cellOf(d.lat(), cellLat);
        long cx = cellOf(d.lon(), cellLon);
        long seconds = d.acquiredAt().getEpochSecond();
        Point best = null;
        double bestKm = Double.MAX_VALUE;
        for (long y = cy - 1; y <= cy + 1; y++) {
            for (long x = cx - 1; x <= cx + 1; x++) {
                List<Point> cell = grid.get(cell(y, x));
                if (cell == null) {
                    continue;
                }
                for (Point p : cell) {
                    // Whole seconds are exact here: FIRMS times are minutes, so the window's bound is kept exactly.
                    if (Math.abs(p.seconds() - seconds) > windowSeconds) {
                        continue;
                    }
                    // The north-south gap alone is a lower bound of the distance: most neighbours end here, without
                    // the trigonometry (with a margin, so the rule's inclusive bound is decided by the distance
                    // itself).
                    if (Math.abs(p.lat() - d.lat()) > latBound) {
                        continue;
                    }
                    // The arcsine only for the few neighbours within reach.
                    double haversine = MergeRule.haversine(p.lat(), p.lon(), d.lat(), d.lon());
                    if (haversine > haversineBound) {
                        continue;
                    }
                    double km = MergeRule.kmOf(haversine);
                    if (km <= rule.distanceKm() && km < bestKm) {
                        bestKm = km;
                        best = p;
                    }
                }
            }
        }
        return best;
    }

    /** A stable id from the incident's first detection: the same file imported again names the same incidents. */
    static String idOf(Detection d) {
        long h = mix(d.satellite().hashCode());
        h = mix(h ^ d.acquiredAt().getEpochSecond());
        h = mix(h ^ Double.doubleToLongBits(d.lat()));
        h = mix(h ^ Double.doubleToLongBits(d.lon()));
        String hex = Long.toHexString(h | Long.MIN_VALUE);
        return "fp-" + DAY.format(d.acquiredAt()) + "-" + hex.substring(hex.length() - 10);
    }

    /** SplitMix64's finaliser: a stable, well-spread 64-bit hash step (the same on every JVM). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long cellOf(double degrees, double size) {
        return (long) Math.floor(degrees / size);
    }

    private static long cell(long y, long x) {
        return y * 4_000_003L + x;
    }
}
