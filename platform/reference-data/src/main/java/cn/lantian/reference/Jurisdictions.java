package cn.lantian.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kashgar's jurisdictions as reference data: the prefecture, its 12 county-level units, the economic development zone
 * and the XPCC 3rd Division's units, loaded from {@code reference/jurisdictions.geojson}.
 */
public final class Jurisdictions {

    /** The prefecture's own code; its officers see every jurisdiction. */
    public static final String PREFECTURE = "653100";

    private final Map<String, Jurisdiction> byId;
    private final String attribution;
    /** Every unit once, in reference order: built once, since placing a large import walks it for every point. */
    private final List<Jurisdiction> units;

    private Jurisdictions(Map<String, Jurisdiction> byId, String attribution) {
        this.byId = byId;
        this.attribution = attribution;
        this.units = byId.values().stream().distinct().toList();
    }

    /** Loads the shipped reference data from the classpath. */
    public static Jurisdictions load() {
        try (InputStream in =
                Jurisdictions.class.getClassLoader().getResourceAsStream("reference/jurisdictions.geojson")) {
            if (in == null) {
                throw new IllegalStateException("reference/jurisdictions.geojson is missing from the classpath");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, Jurisdiction> units = new LinkedHashMap<>();
            for (JsonNode feature : root.get("features")) {
                Jurisdiction j = read(feature);
                units.put(j.id(), j);
                j.aliases().forEach(alias -> units.putIfAbsent(alias, j));
            }
            return new Jurisdictions(units, root.path("attribution").asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unit with that id or alias (Tumxuk's 659003 is the 3rd Division). */
    public Optional<Jurisdiction> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Every unit once, in reference order. */
    public List<Jurisdiction> all() {
        return units;
    }

    /** The units of one kind. */
    public List<Jurisdiction> ofKind(Jurisdiction.Kind kind) {
        return all().stream().filter(j -> j.kind() == kind).toList();
    }

    /** The credit line that must accompany the boundaries wherever they are shown or shipped. */
    public String attribution() {
        return attribution;
    }

    /**
     * Where a point lies: the county whose drawn area holds it (or that hosts the Corps unit there) and the Corps unit
     * whose area holds it, if any.
     *
     * @return empty when the point lies in no county and no Corps unit of the prefecture
     */
    public Optional<Placement> locate(double lon, double lat) {
        String county = null;
        String corps = null;
        for (Jurisdiction j : all()) {
            if (j.area() == null || !j.area().contains(lon, lat)) {
                continue;
            }
            if (j.kind() == Jurisdiction.Kind.COUNTY && county == null) {
                county = j.id();
            } else if (j.isCorps() && (corps == null || j.kind() == Jurisdiction.Kind.CORPS_UNIT)) {
                corps = j.id();
            }
        }
        if (county == null && corps == null) {
            return Optional.empty();
        }
        if (county == null) {
            // Corps land is cut out of the county drawn around it (Tumxuk is a hole in Bachu): the host county governs
            // too.
            county = byId(corps).flatMap(Jurisdiction::host).orElse(corps);
        }
        return Optional.of(new Placement(county, corps));
    }

    /**
     * The other units whose boundary lies within the distance of the point: those a finding there should notify.
     */
    public List<String> boundariesWithin(double lon, double lat, double km) {
        Optional<Placement> here = locate(lon, lat);
        List<String> near = new ArrayList<>();
        for (Jurisdiction j : all()) {
            boolean own = here.map(p -> p.visibleTo().contains(j.id())).orElse(false);
            if (!own && j.area() != null && j.area().boundaryWithinKm(lon, lat, km)) {
                near.add(j.id());
            }
        }
        return near;
    }

    /** Whether a viewer with jurisdiction {@code viewer} may see what lies in {@code placement}. */
    public boolean sees(String viewer, Placement placement) {
        if (PREFECTURE.equals(viewer)) {
            return true;
        }
        return placement.visibleTo().stream().anyMatch(id -> id.equals(viewer) || isWithin(id, viewer));
    }

    /**
     * The unit and every unit under it (a division and its regiments), each by its id and its aliases: what a filter on
     * stored unit ids must list to take in everything the unit governs. Just the id itself for an unknown unit.
     */
    public List<String> unitsUnder(String id) {
        List<String> units = new ArrayList<>();
        units.add(id);
        for (Jurisdiction j : all()) {
            if (isWithin(j.id(), id)) {
                if (!units.contains(j.id())) {
                    units.add(j.id());
                }
                j.aliases().stream().filter(a -> !units.contains(a)).forEach(units::add);
            }
        }
        return List.copyOf(units);
    }

    /**
     * Whether a record may be placed as {@code claimed} at the point, as the drawn areas tell: its county is the one
     * {@link #locate} finds there, and its Corps unit is the one found there, or a unit under it, or, where no Corps area
     * holds the point, a unit without a drawn area (a regiment) whose host county, where known, is that county. A
     * point outside the prefecture admits nothing.
     */
    public boolean admits(Placement claimed, double lon, double lat) {
        Optional<Placement> here = locate(lon, lat);
        if (here.isEmpty() || claimed.jurisdiction() == null) {
            return false;
        }
        String county = canonical(claimed.jurisdiction());
        if (!county.equals(here.get().jurisdiction())) {
            return false;
        }
        String corps = claimed.corpsUnit() == null ? null : canonical(claimed.corpsUnit());
        String found = here.get().corpsUnit();
        if (found != null) {
            return corps != null && (corps.equals(found) || isWithin(corps, found));
        }
        if (corps == null || corps.equals(county)) {
            return true;
        }
        Optional<Jurisdiction> unit = byId(corps);
        return unit.isPresent()
                && unit.get().isCorps()
                && unit.get().area() == null
                && unit.get().host().map(county::equals).orElse(true);
    }

    private String canonical(String id) {
        return byId(id).map(Jurisdiction::id).orElse(id);
    }

    /** Whether unit {@code id} lies under {@code ancestor} (a regiment under its division). */
    public boolean isWithin(String id, String ancestor) {
        Optional<Jurisdiction> current = byId(id);
        while (current.isPresent()) {
            if (current.get().id().equals(ancestor) || current.get().aliases().contains(ancestor)) {
                return true;
            }
            current = byId(current.get().parent());
        }
        return false;
    }

    private static Jurisdiction read(JsonNode feature) {
        JsonNode p = feature.get("properties");
        List<String> aliases = new ArrayList<>();
        p.path("aliases").forEach(a -> aliases.add(a.asString()));
        JsonNode c = p.get("centroid");
        double[] centroid = c == null || c.isNull()
                ? null
                : new double[] {c.get(0).asDouble(), c.get(1).asDouble()};
        return new Jurisdiction(
                p.get("id").asString(),
                Jurisdiction.Kind.of(p.get("kind").asString()),
                p.get("nameZh").asString(),
                p.get("nameEn").asString(),
                text(p, "nameUg"),
                text(p, "parent"),
                text(p, "hostCounty"),
                List.copyOf(aliases),
                centroid,
                area(feature.get("geometry")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Area area(JsonNode geometry) {
        if (geometry == null || geometry.isNull()) {
            return null;
        }
        String type = geometry.get("type").asString();
        if (!type.equals("MultiPolygon") && !type.equals("Polygon")) {
            return null;
        }
        List<List<double[][]>> polygons = new ArrayList<>();
        JsonNode coords = geometry.get("coordinates");
        if (type.equals("Polygon")) {
            polygons.add(rings(coords));
        } else {
            coords.forEach(polygon -> polygons.add(rings(polygon)));
        }
        return new Area(polygons);
    }

    private static List<double[][]> rings(JsonNode polygon) {
        List<double[][]> rings = new ArrayList<>();
        for (JsonNode ring : polygon) {
            double[][] points = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
                points[i] = new double[] {
                    ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()
                };
            }
            rings.add(points);
        }
        return rings;
    }
}
