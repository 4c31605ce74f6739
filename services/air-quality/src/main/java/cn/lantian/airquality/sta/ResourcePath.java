package cn.lantian.airquality.sta;

import cn.lantian.airquality.sta.EntityType.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource path below the service root: an entity set, optionally an id, navigation properties (with ids on sets),
 * then a property (optionally {@code /$value}) or {@code /$ref}.
 *
 * @param segments the entity hops; the first names an entity set
 * @param property the property asked for, or null
 * @param value whether the property's raw value is asked for ({@code /$value})
 * @param ref whether only the links are asked for ({@code /$ref})
 */
record ResourcePath(List<Segment> segments, String property, boolean value, boolean ref) {

    /** One hop: the entity type reached, the navigation property that reached it (null first) and its id, if any. */
    record Segment(EntityType type, Relation via, Long id) {

        /** Whether this hop addresses one entity rather than a set. */
        boolean single() {
            return id != null || (via != null && !via.many());
        }
    }

    private static final Pattern HOP = Pattern.compile("([A-Za-z]+)(?:\\((-?\\d{1,19})\\))?");

    /** The last hop. */
    Segment last() {
        return segments.get(segments.size() - 1);
    }

    /** Whether the path addresses a set of entities (possibly as links). */
    boolean collection() {
        return property == null && !last().single();
    }

    /**
     * Parses the path below the service root (without leading slash).
     *
     * @throws QueryException when nothing is found at the path (answered 404)
     */
    static ResourcePath parse(String path) {
        String[] parts = path.split("/", -1);
        List<Segment> segments = new ArrayList<>();
        String property = null;
        boolean value = false;
        boolean ref = false;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.equals("$ref") && i == parts.length - 1 && !segments.isEmpty()) {
                ref = true;
                break;
            }
            if (part.equals("$value") && property != null && i == parts.length - 1) {
                value = true;
                break;
            }
            if (property != null) {
                throw notFound(path);
            }
            Matcher m = HOP.matcher(part);
            if (!m.matches()) {
                throw notFound(path);
            }
            String name = m.group(1);
            Long id = m.group(2) == null ? null : parseId(m.group(2), path);
            if (segments.isEmpty()) {
                EntityType type = EntityType.ofPlural(name);
                if (type == null) {
                    throw notFound(path);
                }
                segments.add(new Segment(type, null, id));
                continue;
            }
            Segment current = segments.get(segments.size() - 1);
            if (!current.single()) {
                throw notFound(path);
            }
            Relation relation = current.type().relation(name);
            if (relation != null) {
                if (id != null && !relation.many()) {
                    throw notFound(path);
                }
                segments.add(new Segment(relation.target(), relation, id));
            } else if (id == null && current.type().properties().containsKey(name)) {
                property = name;
            } else {
                throw notFound(path);
            }
        }
        if (segments.isEmpty()) {
            throw notFound(path);
        }
        return new ResourcePath(List.copyOf(segments), property, value, ref);
    }

    private static Long parseId(String digits, String path) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw notFound(path);
        }
    }

    private static QueryException notFound(String path) {
        return new NotFoundAtPath("nothing at '" + path + "'");
    }

    /** A path that names nothing the API serves (answered 404). */
    static final class NotFoundAtPath extends QueryException {
        NotFoundAtPath(String reason) {
            super(reason);
        }
    }
}
