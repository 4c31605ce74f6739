package cn.lantian.dust.demo;

import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.util.List;
import java.util.Random;

/** Random points that really lie in a given county or Corps unit, for demonstration data. */
public final class DemoPlaces {

    /** A point and where it lies. */
    public record Point(double lon, double lat, Placement placement) {}

    private final Jurisdictions jurisdictions;
    private final Random random;

    public DemoPlaces(Jurisdictions jurisdictions, Random random) {
        this.jurisdictions = jurisdictions;
        this.random = random;
    }

    /** The counties and the Corps division, the units demo records are spread over. */
    public List<String> units() {
        List<String> units = new java.util.ArrayList<>(jurisdictions.ofKind(Jurisdiction.Kind.COUNTY).stream()
                .map(Jurisdiction::id)
                .toList());
        units.add("xpcc-3");
        return units;
    }

    /** A point in the unit, near its centroid. */
    public Point in(String unit) {
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
            boolean fits = j.isCorps()
                    ? j.id().equals(p.corpsUnit()) || jurisdictions.isWithin(String.valueOf(p.corpsUnit()), j.id())
                    : unit.equals(p.jurisdiction()) && p.corpsUnit() == null;
            if (fits) {
                return new Point(lon, lat, p);
            }
        }
        Placement p = jurisdictions.locate(c[0], c[1]).orElseThrow();
        return new Point(c[0], c[1], p);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
