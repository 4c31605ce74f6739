package cn.lantian.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * A boundary as polygons of [lon, lat] rings (WGS84); the first ring of a polygon is its outline, the others holes.
 * Its bounding box is computed once, so that points far from the area are answered without walking its rings.
 */
public final class Area {

    private static final double KM_PER_DEGREE_LAT = 110.57;
    private static final double KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;

    private final List<List<double[][]>> polygons;
    private final double minLon;
    private final double minLat;
    private final double maxLon;
    private final double maxLat;
    /** Per polygon and ring, its edges by latitude band: a point is tested against the edges of its band only. */
    private final List<List<Bands>> bands;

    public Area(List<List<double[][]>> polygons) {
        this.polygons = polygons;
        this.bands = polygons.stream()
                .map(polygon -> polygon.stream().map(Bands::new).toList())
                .toList();
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (List<double[][]> polygon : polygons) {
            for (double[][] ring : polygon) {
                for (double[] p : ring) {
                    x0 = Math.min(x0, p[0]);
                    y0 = Math.min(y0, p[1]);
                    x1 = Math.max(x1, p[0]);
                    y1 = Math.max(y1, p[1]);
                }
            }
        }
        this.minLon = x0;
        this.minLat = y0;
        this.maxLon = x1;
        this.maxLat = y1;
    }

    /** The polygons, each a list of rings (outline first, then holes). */
    public List<List<double[][]>> polygons() {
        return polygons;
    }

    /** Whether the point lies inside (even-odd rule on each polygon, holes excluded). */
    public boolean contains(double lon, double lat) {
        if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) {
            return false;
        }
        for (List<Bands> polygon : bands) {
            if (polygon.get(0).inRing(lon, lat)) {
                boolean inHole = false;
                for (int i = 1; i < polygon.size() && !inHole; i++) {
                    inHole = polygon.get(i).inRing(lon, lat);
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
        double kx = kmPerDegreeLon(lat);
        for (List<double[][]> polygon : polygons) {
            for (double[][] ring : polygon) {
                for (int i = 0; i + 1 < ring.length; i++) {
                    best = Math.min(
                            best,
                            segmentDistance(
                                    (ring[i][0] - lon) * kx,
                                    (ring[i][1] - lat) * KM_PER_DEGREE_LAT,
                                    (ring[i + 1][0] - lon) * kx,
                                    (ring[i + 1][1] - lat) * KM_PER_DEGREE_LAT));
                }
            }
        }
        return best;
    }

    /**
     * Whether the boundary line passes within {@code km} of the point; the same answer as comparing
     * {@link #distanceToBoundaryKm} with {@code km}, but a point farther than that from the bounding box (which holds
     * every boundary segment) is answered at once.
     */
    public boolean boundaryWithinKm(double lon, double lat, double km) {
        double kx = kmPerDegreeLon(lat);
        double dx = Math.max(0, Math.max(minLon - lon, lon - maxLon)) * kx;
        double dy = Math.max(0, Math.max(minLat - lat, lat - maxLat)) * KM_PER_DEGREE_LAT;
        if (dx * dx + dy * dy > km * km) {
            return false;
        }
        return distanceToBoundaryKm(lon, lat) <= km;
    }

    private static double kmPerDegreeLon(double lat) {
        return KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(lat));
    }

    private static double segmentDistance(double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
        double px = ax + t * dx;
        double py = ay + t * dy;
        // sqrt of the sum rather than Math.hypot: no overflow is possible at these magnitudes and it is far cheaper.
        return Math.sqrt(px * px + py * py);
    }

    /**
     * A ring's edges sorted into horizontal bands by the latitudes they span, so that the even-odd test walks only the
     * edges of the point's band: the same edges that can cross the point's latitude, hence the same answer as walking
     * the whole ring.
     */
    private static final class Bands {

        /** Edges per band on average; bands are few for small rings. */
        private static final int EDGES_PER_BAND = 4;

        private final double[][] ring;
        private final double minLat;
        private final double bandHeight;
        private final int[][] edges;

        Bands(double[][] ring) {
            this.ring = ring;
            double y0 = Double.MAX_VALUE;
            double y1 = -Double.MAX_VALUE;
            for (double[] p : ring) {
                y0 = Math.min(y0, p[1]);
                y1 = Math.max(y1, p[1]);
            }
            int count = Math.max(1, ring.length / EDGES_PER_BAND);
            this.minLat = y0;
            this.bandHeight = y1 > y0 ? (y1 - y0) / count : 1;
            List<List<Integer>> byBand = new ArrayList<>(count);
            for (int b = 0; b < count; b++) {
                byBand.add(new ArrayList<>());
            }
            // Edge i joins vertex i and vertex j (the previous one), as the test walks them.
            for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                int from = band(Math.min(ring[i][1], ring[j][1]), count);
                int to = band(Math.max(ring[i][1], ring[j][1]), count);
                for (int b = from; b <= to; b++) {
                    byBand.get(b).add(i);
                }
            }
            this.edges = new int[count][];
            for (int b = 0; b < count; b++) {
                edges[b] = byBand.get(b).stream().mapToInt(Integer::intValue).toArray();
            }
        }

        private int band(double lat, int count) {
            return Math.max(0, Math.min(count - 1, (int) ((lat - minLat) / bandHeight)));
        }

        boolean inRing(double lon, double lat) {
            if (ring.length == 0) {
                return false;
            }
            boolean inside = false;
            for (int i : edges[band(lat, edges.length)]) {
                int j = i == 0 ? ring.length - 1 : i - 1;
                double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
                if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }
}
