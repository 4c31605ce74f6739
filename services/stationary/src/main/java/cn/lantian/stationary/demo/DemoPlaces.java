package cn.lantian.stationary.demo;

import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.util.Random;

/** Random points that really lie in a given county (outside Corps land) or in Tumxuk (joint with Bachu). */
final class DemoPlaces {

    /** A point and where it lies. */
    record Point(double lon, double lat, Placement placement) {}

    private final Jurisdictions jurisdictions;
    private final Random random;

    DemoPlaces(Jurisdictions jurisdictions, Random random) {
        this.jurisdictions = jurisdictions;
        this.random = random;
    }

    /** A point in the county, near its centroid; in the Corps unit when {@code corps} names one. */
    Point in(String unit) {
        Jurisdiction j = jurisdictions.byId(unit).orElseThrow();
        double[] c = j.centroid();
        for (int attempt = 0; attempt < 200; attempt++) {
            double spread = attempt < 100 ? 0.25 : 0.08;
            double lon = round(c[0] + (random.nextDouble() - 0.5) * spread);
            double lat = round(c[1] + (random.nextDouble() - 0.5) * spread);
            Placement p = jurisdictions.locate(lon, lat).orElse(null);
            if (p == null) {
                continue;
            }
            boolean fits =
                    j.isCorps() ? unit.equals(p.corpsUnit()) : unit.equals(p.jurisdiction()) && p.corpsUnit() == null;
            if (fits) {
                return new Point(lon, lat, p);
            }
        }
        Placement p = jurisdictions.locate(c[0], c[1]).orElseThrow();
        return new Point(c[0], c[1], p);
    }

    /** The place of a given point (a named enterprise's published location). */
    Point at(double lon, double lat) {
        return new Point(lon, lat, jurisdictions.locate(lon, lat).orElseThrow());
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
