package cn.lantian.straw.firepoint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Groups detections into incidents: each new detection, in time order, joins the incident of the nearest known
 * detection that is of the same fire ({@link MergeRule}), whether that one was stored before or arrived earlier in the
 * same batch; otherwise it opens an incident. Known detections are kept in a grid of cells one merge distance wide,
 * so that each detection is compared with its neighbours only.
 */
final class Merger {

    /** A detection already part of an incident. */
    record Known(String incidentId, double lat, double lon, Instant at) {
    }

    /** Where a new detection went. */
    record Assignment(Detection detection, String incidentId, boolean opened) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(cn.lantian.straw.rules.Season.ZONE);
    private static final double KM_PER_DEGREE_LAT = 110.57;
    private static final double KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;

    private final MergeRule rule;
    private final double cellLat;
    private final double cellLon;
    private final Map<Long, List<Known>> grid = new HashMap<>();

    /**
     * @param maxAbsLat the largest absolute latitude of the detections to be merged (cells are widest there)
     */
    Merger(MergeRule rule, double maxAbsLat) {
        this.rule = rule;
        this.cellLat = rule.distanceKm() / KM_PER_DEGREE_LAT;
        double cos = Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, maxAbsLat))));
        this.cellLon = rule.distanceKm() / (KM_PER_DEGREE_LON_AT_EQUATOR * cos) * 1.01;
    }

    /** Adds a detection already stored with its incident. */
    void know(Known known) {
        grid.computeIfAbsent(cell(cellOf(known.lat(), cellLat), cellOf(known.lon(), cellLon)), k -> new ArrayList<>(2))
                .add(known);
    }

    /** Assigns the detections, in time order, to incidents; later ones may join incidents opened by earlier ones. */
    List<Assignment> assign(List<Detection> detections) {
        List<Detection> ordered = new ArrayList<>(detections);
        ordered.sort(Comparator.comparing(Detection::acquiredAt).thenComparingInt(Detection::line));
        List<Assignment> out = new ArrayList<>(ordered.size());
        for (Detection d : ordered) {
            Known match = nearest(d);
            String incident = match == null ? idOf(d) : match.incidentId();
            know(new Known(incident, d.lat(), d.lon(), d.acquiredAt()));
            out.add(new Assignment(d, incident, match == null));
        }
        return out;
    }

    private Known nearest(Detection d) {
        long cy = cellOf(d.lat(), cellLat);
        long cx = cellOf(d.lon(), cellLon);
        Known best = null;
        double bestKm = Double.MAX_VALUE;
        for (long y = cy - 1; y <= cy + 1; y++) {
            for (long x = cx - 1; x <= cx + 1; x++) {
                List<Known> cell = grid.get(cell(y, x));
                if (cell == null) {
                    continue;
                }
                for (Known k : cell) {
                    if (rule.sameFire(k.lat(), k.lon(), k.at(), d.lat(), d.lon(), d.acquiredAt())) {
                        double km = MergeRule.km(k.lat(), k.lon(), d.lat(), d.lon());
                        if (km < bestKm) {
                            bestKm = km;
                            best = k;
                        }
                    }
                }
            }
        }
        return best;
    }

    /** A stable id from the incident's first detection: the same file imported again names the same incidents. */
    static String idOf(Detection d) {
        String key = d.satellite() + "|" + d.acquiredAt() + "|" + d.lat() + "|" + d.lon();
        String hash = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return "fp-" + DAY.format(d.acquiredAt()) + "-" + hash.substring(0, 10);
    }

    private static long cellOf(double degrees, double size) {
        return (long) Math.floor(degrees / size);
    }

    private static long cell(long y, long x) {
        return y * 4_000_003L + x;
    }
}
