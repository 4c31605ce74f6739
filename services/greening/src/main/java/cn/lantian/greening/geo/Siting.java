package cn.lantian.greening.geo;

import cn.lantian.reference.Area;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.web.InvalidInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where a polygon lies: its area is intersected with every county's and Corps unit's drawn boundary; the unit with the
 * larger share decides the jurisdiction and every unit it touches is recorded with its share. A polygon mostly on
 * Corps land (Tumxuk, a hole in Bachu) is joint: the host county and the Corps unit.
 */
@Component
public class Siting {

    /** A polygon must lie at least this much inside the prefecture's drawn units. */
    static final double MIN_INSIDE = 0.5;

    /** A unit with a drawn boundary. */
    record Unit(String id, boolean corps, String host, Geometry geometry) {}

    /** One unit's part of a polygon. */
    public record Share(String unit, double hectares, double share) {}

    /**
     * Where a polygon lies.
     *
     * @param placement the deciding county (and Corps unit, where there is one)
     * @param hectares the polygon's area
     * @param shares every unit the polygon covers, largest first
     */
    public record Site(Placement placement, double hectares, List<Share> shares) {

        /** The units the polygon also covers beyond its placement, for sharing events across the boundary. */
        public List<String> partners() {
            return shares.stream()
                    .map(Share::unit)
                    .filter(u -> !placement.visibleTo().contains(u))
                    .toList();
        }
    }

    private final List<Unit> units;
    private final Jurisdictions jurisdictions;

    @Autowired
    Siting(Jurisdictions jurisdictions) {
        this(jurisdictions, units(jurisdictions));
    }

    Siting(Jurisdictions jurisdictions, List<Unit> units) {
        this.jurisdictions = jurisdictions;
        this.units = List.copyOf(units);
    }

    /**
     * Places the polygon; a Corps unit named by the writer (a regiment without a drawn boundary) is recorded with the
     * county when its host county is that county or unknown.
     *
     * @throws InvalidInput when the polygon lies mostly outside the prefecture or the Corps unit does not fit
     */
    public Site site(String field, Geometry polygon, String declaredCorpsUnit) {
        double perDegree =
                Boundaries.hectaresPerSquareDegree(polygon.getCentroid().getY());
        double total = polygon.getArea() * perDegree;
        List<Share> shares = new ArrayList<>();
        double inside = 0;
        Unit top = null;
        double topArea = 0;
        Unit topCounty = null;
        double topCountyArea = 0;
        for (Unit unit : units) {
            if (!unit.geometry().getEnvelopeInternal().intersects(polygon.getEnvelopeInternal())) {
                continue;
            }
            double area = unit.geometry().intersection(polygon).getArea() * perDegree;
            if (area <= total * 1e-6) {
                continue;
            }
            inside += area;
            shares.add(new Share(unit.id(), area, area / total));
            // Ties go to the lower code, so that the same polygon always lands in the same place.
            if (area > topArea || area == topArea && top != null && unit.id().compareTo(top.id()) < 0) {
                top = unit;
                topArea = area;
            }
            if (!unit.corps()
                    && (area > topCountyArea
                            || area == topCountyArea
                                    && topCounty != null
                                    && unit.id().compareTo(topCounty.id()) < 0)) {
                topCounty = unit;
                topCountyArea = area;
            }
        }
        if (top == null || inside < total * MIN_INSIDE) {
            throw InvalidInput.of(field, "must lie mostly inside a county or Corps unit of Kashgar Prefecture");
        }
        shares.sort(Comparator.comparingDouble(Share::hectares).reversed().thenComparing(Share::unit));
        Placement placement;
        if (top.corps()) {
            String county = top.host() != null ? top.host() : topCounty != null ? topCounty.id() : top.id();
            String corps = declaredCorpsUnit != null ? corpsWithin(declaredCorpsUnit, top.id(), county) : top.id();
            placement = new Placement(county, corps);
        } else {
            String corps = declaredCorpsUnit == null ? null : corpsWithin(declaredCorpsUnit, null, top.id());
            placement = new Placement(top.id(), corps);
        }
        return new Site(placement, total, List.copyOf(shares));
    }

    private String corpsWithin(String declared, String drawnCorps, String county) {
        Optional<Jurisdiction> unit = jurisdictions.byId(declared);
        if (unit.isEmpty() || !unit.get().isCorps()) {
            throw InvalidInput.of("corpsUnit", "is not a Corps unit of the reference data");
        }
        if (drawnCorps != null && !jurisdictions.isWithin(unit.get().id(), drawnCorps)) {
            throw InvalidInput.of("corpsUnit", "does not belong to " + drawnCorps + ", where the boundary lies");
        }
        if (drawnCorps == null && unit.get().host().map(h -> !h.equals(county)).orElse(false)) {
            throw InvalidInput.of(
                    "corpsUnit",
                    "lies in county " + unit.get().host().get() + ", not in " + county + " where the boundary lies");
        }
        return unit.get().id();
    }

    private static List<Unit> units(Jurisdictions jurisdictions) {
        List<Unit> units = new ArrayList<>();
        for (Jurisdiction j : jurisdictions.all()) {
            boolean county = j.kind() == Jurisdiction.Kind.COUNTY;
            if (j.area() == null || !(county || j.isCorps())) {
                continue;
            }
            units.add(new Unit(j.id(), j.isCorps(), j.hostCounty(), geometry(j.area())));
        }
        return units;
    }

    /** The reference area as a JTS geometry; invalid drawn rings are repaired with a zero buffer. */
    static Geometry geometry(Area area) {
        List<Polygon> polygons = new ArrayList<>();
        for (List<double[][]> rings : area.polygons()) {
            LinearRing shell = ring(rings.get(0));
            LinearRing[] holes = new LinearRing[rings.size() - 1];
            for (int i = 1; i < rings.size(); i++) {
                holes[i - 1] = ring(rings.get(i));
            }
            polygons.add(Boundaries.FACTORY.createPolygon(shell, holes));
        }
        Geometry g = Boundaries.FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        return g.isValid() ? g : g.buffer(0);
    }

    private static LinearRing ring(double[][] points) {
        Coordinate[] c = new Coordinate[points.length + (closed(points) ? 0 : 1)];
        for (int i = 0; i < points.length; i++) {
            c[i] = new Coordinate(points[i][0], points[i][1]);
        }
        if (!closed(points)) {
            c[points.length] = c[0];
        }
        return Boundaries.FACTORY.createLinearRing(c);
    }

    private static boolean closed(double[][] p) {
        return p[0][0] == p[p.length - 1][0] && p[0][1] == p[p.length - 1][1];
    }
}
