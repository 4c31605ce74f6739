package cn.lantian.reference;

import java.util.List;

/**
 * A boundary as polygons of [lon, lat] rings (WGS84); the first ring of a polygon is its outline, the others holes.
 */
public record Area(List<List<double[][]>> polygons) {

    /** Whether the point lies inside (even-odd rule on each polygon, holes excluded). */
    public boolean contains(double lon, double lat) {
        for (List<double[][]> polygon : polygons) {
            if (inRing(polygon.get(0), lon, lat)) {
                boolean inHole = false;
                for (int i = 1; i < polygon.size() && !inHole; i++) {
                    inHole = inRing(polygon.get(i), lon, lat);
                }
                if (!inHole) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Shortest distance in kilometres from the point to the boundary line (equirectangular, fine at county scale). */
    public double distanceToBoundaryKm(double lon, double lat) {
        double best = Double.MAX_VALUE;
        double kx = 111.32 * Math.cos(Math.toRadians(lat));
        double ky = 110.57;
        for (List<double[][]> polygon : polygons) {
            for (double[][] ring : polygon) {
                for (int i = 0; i + 1 < ring.length; i++) {
                    best = Math.min(best, segmentDistance((ring[i][0] - lon) * kx, (ring[i][1] - lat) * ky,
                            (ring[i + 1][0] - lon) * kx, (ring[i + 1][1] - lat) * ky));
                }
            }
        }
        return best;
    }

    private static double segmentDistance(double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
        return Math.hypot(ax + t * dx, ay + t * dy);
    }

    private static boolean inRing(double[][] ring, double lon, double lat) {
        boolean inside = false;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
