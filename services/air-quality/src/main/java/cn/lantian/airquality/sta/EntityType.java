package cn.lantian.airquality.sta;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eight STA entity types: the view each is read from ({@code db/migration/V5__sensorthings.sql}), their
 * properties and their navigation properties.
 */
enum EntityType {
    THING("Thing", "Things", "sta_things"),
    LOCATION("Location", "Locations", "sta_locations"),
    HISTORICAL_LOCATION("HistoricalLocation", "HistoricalLocations", "sta_historical_locations"),
    DATASTREAM("Datastream", "Datastreams", "sta_datastreams"),
    SENSOR("Sensor", "Sensors", "sta_sensors"),
    OBSERVED_PROPERTY("ObservedProperty", "ObservedProperties", "sta_observed_properties"),
    OBSERVATION("Observation", "Observations", "sta_observations"),
    FEATURE_OF_INTEREST("FeatureOfInterest", "FeaturesOfInterest", "sta_features_of_interest");

    /** How a property is stored and compared. */
    enum Kind {
        ID,
        TEXT,
        NUMBER,
        TIME,
        /** a time interval: {@code column} is the start, {@code endColumn} the end (equal for an instant) */
        INTERVAL,
        JSON
    }

    /** A property: its name in the API and its column in the view. */
    record Property(String name, Kind kind, String column, String endColumn) {
        Property(String name, Kind kind, String column) {
            this(name, kind, column, null);
        }
    }

    /**
     * A navigation property: this entity's {@code column} equals the target's {@code targetColumn}; {@code many} for a
     * set (Things' Datastreams), otherwise a single entity (a Datastream's Thing).
     */
    record Relation(String name, EntityType target, String column, String targetColumn, boolean many) {}

    /** Multiplier of a datastream's id in an observation's id; the rest is the hour's number since 1970. */
    static final long HOURS_PER_DATASTREAM = 10_000_000L;

    final String singular;
    final String plural;
    final String view;

    EntityType(String singular, String plural, String view) {
        this.singular = singular;
        this.plural = plural;
        this.view = view;
    }

    /** The entity set of that name ({@code Things}), or null. */
    static EntityType ofPlural(String name) {
        for (EntityType t : values()) {
            if (t.plural.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The properties, in the order an entity shows them. */
    Map<String, Property> properties() {
        List<Property> list = switch (this) {
            case THING ->
                List.of(text("name"), text("description"), new Property("properties", Kind.JSON, "properties"));
            case LOCATION ->
                List.of(
                        text("name"),
                        text("description"),
                        new Property("encodingType", Kind.TEXT, "encoding_type"),
                        new Property("location", Kind.JSON, "location"));
            case HISTORICAL_LOCATION -> List.of(new Property("time", Kind.TIME, "time"));
            case DATASTREAM ->
                List.of(
                        text("name"),
                        text("description"),
                        new Property("unitOfMeasurement", Kind.JSON, "unit_of_measurement"),
                        new Property("observationType", Kind.TEXT, "observation_type"));
            case SENSOR ->
                List.of(
                        text("name"),
                        text("description"),
                        new Property("encodingType", Kind.TEXT, "encoding_type"),
                        text("metadata"));
            case OBSERVED_PROPERTY -> List.of(text("name"), text("definition"), text("description"));
            case OBSERVATION ->
                List.of(
                        new Property("phenomenonTime", Kind.INTERVAL, "phenomenon_start", "phenomenon_end"),
                        new Property("resultTime", Kind.TIME, "result_time"),
                        new Property("result", Kind.NUMBER, "result"),
                        new Property("resultQuality", Kind.JSON, "result_quality"),
                        new Property("parameters", Kind.JSON, "parameters"));
            case FEATURE_OF_INTEREST ->
                List.of(
                        text("name"),
                        text("description"),
                        new Property("encodingType", Kind.TEXT, "encoding_type"),
                        new Property("feature", Kind.JSON, "feature"));
        };
        Map<String, Property> map = new LinkedHashMap<>();
        list.forEach(p -> map.put(p.name(), p));
        return map;
    }

    /** The navigation properties. */
    List<Relation> relations() {
        return switch (this) {
            case THING ->
                List.of(
                        new Relation("Datastreams", DATASTREAM, "id", "thing_id", true),
                        new Relation("Locations", LOCATION, "id", "thing_id", true),
                        new Relation("HistoricalLocations", HISTORICAL_LOCATION, "id", "thing_id", true));
            case LOCATION ->
                List.of(
                        new Relation("Things", THING, "thing_id", "id", true),
                        new Relation("HistoricalLocations", HISTORICAL_LOCATION, "id", "location_id", true));
            case HISTORICAL_LOCATION ->
                List.of(
                        new Relation("Thing", THING, "thing_id", "id", false),
                        new Relation("Locations", LOCATION, "location_id", "id", true));
            case DATASTREAM ->
                List.of(
                        new Relation("Thing", THING, "thing_id", "id", false),
                        new Relation("Sensor", SENSOR, "sensor_id", "id", false),
                        new Relation("ObservedProperty", OBSERVED_PROPERTY, "observed_property_id", "id", false),
                        new Relation("Observations", OBSERVATION, "id", "datastream_id", true));
            case SENSOR -> List.of(new Relation("Datastreams", DATASTREAM, "id", "sensor_id", true));
            case OBSERVED_PROPERTY ->
                List.of(new Relation("Datastreams", DATASTREAM, "id", "observed_property_id", true));
            case OBSERVATION ->
                List.of(
                        new Relation("Datastream", DATASTREAM, "datastream_id", "id", false),
                        new Relation("FeatureOfInterest", FEATURE_OF_INTEREST, "feature_of_interest_id", "id", false));
            case FEATURE_OF_INTEREST ->
                List.of(new Relation("Observations", OBSERVATION, "id", "feature_of_interest_id", true));
        };
    }

    /** The navigation property of that name, or null. */
    Relation relation(String name) {
        for (Relation r : relations()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /**
     * Columns of this view that hold the id at the end of a path of single-entity hops, so that a filter such as
     * {@code Datastream/Thing/id eq 3} reads an indexed column instead of a subquery per row.
     */
    String shortcut(String path) {
        if (this == OBSERVATION && path.equals("Datastream/Thing/id")) {
            return "thing_id";
        }
        String[] hops = path.split("/");
        if (hops.length == 2 && hops[1].equals("id")) {
            Relation r = relation(hops[0]);
            if (r != null && !r.many() && r.targetColumn().equals("id")) {
                return r.column();
            }
        }
        return null;
    }

    /**
     * The condition that this entity has that id, over {@code alias}. An observation's id is computed in its view;
     * its datastream and hour are indexed, so they are what is compared.
     */
    String idCondition(String alias, long id, SqlParameters sql) {
        if (this == OBSERVATION) {
            long datastream = Math.floorDiv(id, HOURS_PER_DATASTREAM);
            long hour = Math.floorMod(id, HOURS_PER_DATASTREAM);
            return "(" + alias + ".datastream_id = " + sql.bind(datastream) + " and " + alias + ".phenomenon_end = "
                    + sql.bind(Instant.ofEpochSecond(hour * 3600).atOffset(ZoneOffset.UTC)) + ")";
        }
        return alias + ".id = " + sql.bind(id);
    }

    /** The columns that order by id (an observation's id grows with its datastream, then its hour). */
    List<String> idOrder() {
        return this == OBSERVATION ? List.of("datastream_id", "phenomenon_end") : List.of("id");
    }

    /**
     * The order of a set without {@code $orderby}, and the last tie-breaker of any: by id, but observations by hour,
     * then datastream, which the index on the hour serves (ordering all observations by id would sort years of them).
     */
    List<String> defaultOrder() {
        return this == OBSERVATION ? List.of("phenomenon_end", "datastream_id") : List.of("id");
    }

    private static Property text(String name) {
        return new Property(name, Kind.TEXT, name);
    }
}
