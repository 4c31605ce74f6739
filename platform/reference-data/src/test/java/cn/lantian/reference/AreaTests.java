package cn.lantian.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AreaTests {

    @Test
    void theBandedTestAnswersAsWalkingEveryEdgeOfEveryRing() {
        Random random = new Random(8084);
        int inside = 0;
        for (Jurisdiction j : JurisdictionsTests.ALL.all()) {
            if (j.area() == null) {
                continue;
            }
            for (int i = 0; i < 20_000; i++) {
                // The prefecture's box and a little around it, and every vertex's own latitude (band edges).
                double lon = 73.0 + random.nextDouble() * 7.5;
                double lat = i % 4 == 0 ? someVertexLat(j.area(), random) : 35.0 + random.nextDouble() * 5.8;
                boolean expected = walkEveryEdge(j.area().polygons(), lon, lat);
                assertThat(j.area().contains(lon, lat))
                        .as("%s at %s,%s", j.id(), lon, lat)
                        .isEqualTo(expected);
                inside += expected ? 1 : 0;
            }
        }
        assertThat(inside).as("points inside some area").isGreaterThan(1_000);
    }

    @Test
    void anEmptyOrDegenerateRingHoldsNothing() {
        double[][] ring = {{76, 39}, {77, 39}, {76, 39}};
        Area flat = new Area(List.<List<double[][]>>of(List.<double[][]>of(ring)));
        assertThat(flat.contains(76.5, 39)).isFalse();
        assertThat(flat.contains(76.5, 39.5)).isFalse();
    }

    private static double someVertexLat(Area area, Random random) {
        List<double[][]> polygon =
                area.polygons().get(random.nextInt(area.polygons().size()));
        double[][] ring = polygon.get(random.nextInt(polygon.size()));
        return ring[random.nextInt(ring.length)][1];
    }

    /** The plain even-odd rule over whole rings, outline minus holes: what the banded test must reproduce. */
    private static boolean walkEveryEdge(List<List<double[][]>> polygons, double lon, double lat) {
        for (List<double[][]> polygon : polygons) {
            if (plain(polygon.get(0), lon, lat)) {
                boolean inHole = false;
                for (int i = 1; i < polygon.size(); i++) {
                    inHole |= plain(polygon.get(i), lon, lat);
                }
                if (!inHole) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean plain(double[][] ring, double lon, double lat) {
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
