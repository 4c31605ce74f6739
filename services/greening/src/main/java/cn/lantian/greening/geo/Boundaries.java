package cn.lantian.greening.geo;

import cn.lantian.web.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a GeoJSON geometry (Polygon or MultiPolygon, [lon, lat] in WGS84) into a JTS geometry, refusing what is not a
 * simple closed boundary inside the prefecture's extent, and writes geometries back as GeoJSON.
 */
public final class Boundaries {

    /** Largest number of positions a boundary may have (a field drawn by hand has tens). */
    public static final int MAX_POSITIONS = 5000;

    // The prefecture's extent with a margin: anything outside is a swapped lon/lat or another place.
    private static final double MIN_LON = 73.0;
    private static final double MAX_LON = 81.5;
    private static final double MIN_LAT = 35.0;
    private static final double MAX_LAT = 41.5;

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private Boundaries() {}

    /**
     * The geometry the node describes.
     *
     * @throws InvalidInput naming {@code field} with the reason when it is not a valid boundary
     */
    public static Geometry read(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            throw InvalidInput.of(field, "is required");
        }
        if (!node.isObject()
                || !node.path("type").isString()
                || !node.path("coordinates").isArray()) {
            throw InvalidInput.of(field, "must be a GeoJSON Polygon or MultiPolygon with type and coordinates");
        }
        String type = node.get("type").asString();
        JsonNode coords = node.get("coordinates");
        int[] positions = {0};
        Geometry geometry = switch (type) {
            case "Polygon" -> polygon(field + ".coordinates", coords, positions);
            case "MultiPolygon" -> {
                if (coords.isEmpty() || coords.size() > 50) {
                    throw InvalidInput.of(field + ".coordinates", "must hold 1 to 50 polygons");
                }
                Polygon[] polygons = new Polygon[coords.size()];
                for (int i = 0; i < coords.size(); i++) {
                    polygons[i] = polygon(field + ".coordinates[" + i + "]", coords.get(i), positions);
                }
                yield FACTORY.createMultiPolygon(polygons);
            }
            default -> throw InvalidInput.of(field + ".type", "must be Polygon or MultiPolygon");
        };
        if (!geometry.isValid()) {
            throw InvalidInput.of(field, "must be a simple boundary: its rings may not cross themselves or each other");
        }
        if (geometry.getArea() <= 0) {
            throw InvalidInput.of(field, "must enclose an area");
        }
        return geometry;
    }

    private static Polygon polygon(String field, JsonNode rings, int[] positions) {
        if (!rings.isArray() || rings.isEmpty() || rings.size() > 50) {
            throw InvalidInput.of(field, "must hold 1 to 50 rings");
        }
        LinearRing shell = ring(field + "[0]", rings.get(0), positions);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(field + "[" + i + "]", rings.get(i), positions);
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(String field, JsonNode ring, int[] positions) {
        if (!ring.isArray() || ring.size() < 4) {
            throw InvalidInput.of(field, "must be a closed ring of at least 4 positions");
        }
        positions[0] += ring.size();
        if (positions[0] > MAX_POSITIONS) {
            throw InvalidInput.of(field, "the boundary may have at most " + MAX_POSITIONS + " positions");
        }
        List<Coordinate> points = new ArrayList<>(ring.size());
        for (int i = 0; i < ring.size(); i++) {
            JsonNode p = ring.get(i);
            if (!p.isArray()
                    || p.size() < 2
                    || p.size() > 3
                    || !p.get(0).isNumber()
                    || !p.get(1).isNumber()) {
                throw InvalidInput.of(field + "[" + i + "]", "must be a position [lon, lat]");
            }
            double lon = p.get(0).asDouble();
            double lat = p.get(1).asDouble();
            if (lon < MIN_LON || lon > MAX_LON || lat < MIN_LAT || lat > MAX_LAT) {
                throw InvalidInput.of(
                        field + "[" + i + "]", "lies outside Kashgar Prefecture (lon 73-81.5, lat 35-41.5)");
            }
            points.add(new Coordinate(lon, lat));
        }
        if (!points.get(0).equals2D(points.get(points.size() - 1))) {
            throw InvalidInput.of(field, "must be closed: its last position repeats its first");
        }
        return FACTORY.createLinearRing(points.toArray(Coordinate[]::new));
    }

    /** The geometry as a GeoJSON geometry object. */
    public static ObjectNode geoJson(Geometry geometry) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        if (geometry instanceof Polygon polygon) {
            node.put("type", "Polygon");
            node.set("coordinates", rings(polygon));
        } else {
            node.put("type", "MultiPolygon");
            ArrayNode polygons = node.putArray("coordinates");
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) geometry.getGeometryN(i)));
            }
        }
        return node;
    }

    private static ArrayNode rings(Polygon polygon) {
        ArrayNode rings = JsonNodeFactory.instance.arrayNode();
        rings.add(positions(polygon.getExteriorRing().getCoordinates()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static ArrayNode positions(Coordinate[] coordinates) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Coordinate c : coordinates) {
            out.addArray().add(c.x).add(c.y);
        }
        return out;
    }

    /**
     * Hectares of a geometry given in degrees: an equirectangular projection at its centroid's latitude, well within
     * a percent at the size of a county.
     */
    public static double hectares(Geometry geometry) {
        return geometry.getArea()
                * hectaresPerSquareDegree(geometry.getCentroid().getY());
    }

    static double hectaresPerSquareDegree(double lat) {
        // km per degree of latitude and of longitude at the equator; 100 ha per km².
        return 110.57 * 111.32 * Math.cos(Math.toRadians(lat)) * 100;
    }

    /** A rectangle from its corners, for demo data and tests. */
    public static Geometry box(double lon0, double lat0, double lon1, double lat1) {
        return FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(lon0, lat0),
            new Coordinate(lon1, lat0),
            new Coordinate(lon1, lat1),
            new Coordinate(lon0, lat1),
            new Coordinate(lon0, lat0)
        });
    }

    /** Whether the point lies inside or on the geometry. */
    public static boolean covers(Geometry geometry, double lon, double lat) {
        return geometry.covers(FACTORY.createPoint(new Coordinate(lon, lat)));
    }
}
