package cn.lantian.airquality.sta;

import cn.lantian.airquality.sta.EntityType.Kind;
import cn.lantian.airquality.sta.EntityType.Property;
import cn.lantian.airquality.sta.EntityType.Relation;
import io.r2dbc.postgresql.codec.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Turns rows of the views into STA's JSON: control information, properties and navigation links. */
final class EntityJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    private EntityJson() {}

    /** The link of one entity. */
    static String selfLink(String base, EntityType type, Object id) {
        return base + "/" + type.plural + "(" + id + ")";
    }

    /**
     * An entity as STA shows it: {@code @iot.id}, {@code @iot.selfLink}, its properties and a navigation link per
     * relation, or only what {@code $select} names; expanded relations are added by the caller.
     */
    static Map<String, Object> entity(String base, EntityType type, Map<String, Object> row, List<String> select) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object id = row.get("id");
        String self = selfLink(base, type, id);
        boolean all = select.isEmpty();
        for (String s : select) {
            if (!s.equals("id")
                    && !s.equals("@iot.id")
                    && !s.equals("@iot.selfLink")
                    && !type.properties().containsKey(s)
                    && type.relation(s) == null) {
                throw new QueryException("$select names '" + s + "', which " + type.singular + " does not have");
            }
        }
        if (all || select.contains("id") || select.contains("@iot.id")) {
            out.put("@iot.id", id);
        }
        if (all || select.contains("@iot.selfLink")) {
            out.put("@iot.selfLink", self);
        }
        for (Property p : type.properties().values()) {
            if (select.contains(p.name())) {
                out.put(p.name(), value(type, p, row));
            } else if (all) {
                // optional properties without a value are left out, as STA allows (an hour's parameters, but the AQI's)
                Object v = value(type, p, row);
                if (v != null) {
                    out.put(p.name(), v);
                }
            }
        }
        for (Relation r : type.relations()) {
            if (all || select.contains(r.name())) {
                out.put(r.name() + "@iot.navigationLink", self + "/" + r.name());
            }
        }
        return out;
    }

    /** A property's value as JSON shows it (times in UTC, intervals as start/end, JSON as objects). */
    static Object value(EntityType type, Property p, Map<String, Object> row) {
        Object v = row.get(p.column());
        if (v == null) {
            return null;
        }
        if (p.kind() == Kind.INTERVAL) {
            String start = time(v);
            String end = time(row.get(p.endColumn()));
            return start.equals(end) ? start : start + "/" + end;
        }
        if (p.kind() == Kind.TIME) {
            return time(v);
        }
        if (p.kind() == Kind.JSON) {
            return JSON.readTree(v instanceof Json j ? j.asString() : v.toString());
        }
        if (type == EntityType.OBSERVATION
                && p.name().equals("result")
                && v instanceof Double d
                && d == Math.rint(d)
                && isCount(row)) {
            return d.longValue();
        }
        return v;
    }

    /** The AQI series (8) is a count: its results are whole numbers. */
    private static boolean isCount(Map<String, Object> row) {
        Object ds = row.get("datastream_id");
        return ds instanceof Number n && n.longValue() % 10 == 8;
    }

    /** A property's raw value for {@code /$value}: text for scalars, JSON text for objects. */
    static String raw(EntityType type, Property p, Map<String, Object> row) {
        Object v = value(type, p, row);
        if (v == null) {
            return "null";
        }
        return v instanceof tools.jackson.databind.JsonNode node ? JSON.writeValueAsString(node) : v.toString();
    }

    private static String time(Object v) {
        if (v instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).format(UTC);
        }
        if (v instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC).format(UTC);
        }
        if (v instanceof java.time.LocalDateTime l) {
            return l.atOffset(ZoneOffset.UTC).format(UTC);
        }
        return v.toString();
    }
}
