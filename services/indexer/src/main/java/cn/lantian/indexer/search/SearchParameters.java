package cn.lantian.indexer.search;

import cn.lantian.contract.EventContract;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The raw query parameters of a search, as the client sent them; {@link #validate} turns them into
 * {@link SearchCriteria} or names every bad one.
 */
record SearchParameters(
        String q,
        List<String> domain,
        List<String> type,
        List<String> jurisdiction,
        List<String> corpsunit,
        List<String> agency,
        List<String> severity,
        String from,
        String to,
        String bbox,
        String near,
        String radius,
        String size,
        String cursor) {

    /** The severities the envelope allows. */
    static final List<String> SEVERITIES = List.of("info", "minor", "major", "critical");

    /** Checks every parameter against the contract, the reference data and the page limits. */
    SearchCriteria validate(EventContract contract, Jurisdictions jurisdictions, SearchProperties limits) {
        List<FieldError> bad = new ArrayList<>();
        List<String> domains =
                values(domain, "domain", contract.domains()::contains, "not a domain of the contract", bad);
        List<String> types =
                values(type, "type", t -> contract.type(t).isPresent(), "not an event type of the contract", bad);
        Set<String> places = units(jurisdiction, "jurisdiction", jurisdictions, j -> true, bad);
        Set<String> corps = units(corpsunit, "corpsunit", jurisdictions, Jurisdiction::isCorps, bad);
        List<String> agencies = values(agency, "agency", Caller.AGENCIES::contains, "not an agency", bad);
        List<String> severities = values(severity, "severity", SEVERITIES::contains, "not one of " + SEVERITIES, bad);
        OffsetDateTime start = time(from, "from", bad);
        OffsetDateTime end = time(to, "to", bad);
        if (start != null && end != null && !start.isBefore(end)) {
            bad.add(new FieldError("to", "must be after from"));
        }
        SearchCriteria.BoundingBox box = box(bad);
        SearchCriteria.Circle circle = circle(limits, bad);
        int pageSize = size(limits, bad);
        Cursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            after = Cursor.decode(cursor).orElse(null);
            if (after == null) {
                bad.add(new FieldError("cursor", "not a cursor this API issued"));
            }
        }
        if (!bad.isEmpty()) {
            throw new InvalidInput(bad);
        }
        String text = q == null || q.isBlank() ? null : q.trim();
        return new SearchCriteria(
                text, domains, types, places, corps, agencies, severities, start, end, box, circle, pageSize, after);
    }

    private static List<String> values(
            List<String> raw, String name, Predicate<String> known, String reason, List<FieldError> bad) {
        List<String> values = split(raw);
        values.stream().filter(known.negate()).forEach(v -> bad.add(new FieldError(name, "'" + v + "' is " + reason)));
        return values;
    }

    /** Known units, each with every unit under it (a division's regiments), aliases included. */
    private static Set<String> units(
            List<String> raw,
            String name,
            Jurisdictions jurisdictions,
            Predicate<Jurisdiction> kind,
            List<FieldError> bad) {
        Set<String> expanded = new LinkedHashSet<>();
        for (String value : split(raw)) {
            var unit = jurisdictions.byId(value).filter(kind);
            if (unit.isEmpty()) {
                bad.add(new FieldError(
                        name,
                        "'" + value + "' is not a known "
                                + ("corpsunit".equals(name) ? "Corps unit" : "jurisdiction")));
                continue;
            }
            expanded.addAll(Visibility.unitsWithin(jurisdictions, unit.get().id()));
        }
        return expanded;
    }

    private static List<String> split(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        raw.forEach(r -> {
            for (String part : r.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        });
        return values.stream().distinct().toList();
    }

    private static OffsetDateTime time(String raw, String name, List<FieldError> bad) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim());
        } catch (DateTimeParseException e) {
            bad.add(new FieldError(name, "not an ISO-8601 date-time with offset, e.g. 2024-11-12T09:00:00+08:00"));
            return null;
        }
    }

    private SearchCriteria.BoundingBox box(List<FieldError> bad) {
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        double[] v = numbers(bbox, 4);
        if (v == null || !lon(v[0]) || !lat(v[1]) || !lon(v[2]) || !lat(v[3]) || v[0] >= v[2] || v[1] >= v[3]) {
            bad.add(new FieldError("bbox", "must be minLon,minLat,maxLon,maxLat in degrees with min < max"));
            return null;
        }
        return new SearchCriteria.BoundingBox(v[0], v[1], v[2], v[3]);
    }

    private SearchCriteria.Circle circle(SearchProperties limits, List<FieldError> bad) {
        boolean hasNear = near != null && !near.isBlank();
        boolean hasRadius = radius != null && !radius.isBlank();
        if (!hasNear && !hasRadius) {
            return null;
        }
        double[] point = hasNear ? numbers(near, 2) : null;
        double[] km = hasRadius ? numbers(radius, 1) : null;
        boolean ok = true;
        if (point == null || !lon(point[0]) || !lat(point[1])) {
            bad.add(new FieldError("near", hasNear ? "must be lon,lat in degrees" : "is required with radius"));
            ok = false;
        }
        // Beyond the bounds Elasticsearch cannot read the distance (1e308 km failed the whole search with a 503).
        if (km == null || !(km[0] >= limits.minRadiusKm() && km[0] <= limits.maxRadiusKm())) {
            bad.add(new FieldError(
                    "radius",
                    hasRadius
                            ? "must be a number of kilometres from " + plain(limits.minRadiusKm()) + " to "
                                    + plain(limits.maxRadiusKm())
                            : "is required with near"));
            ok = false;
        }
        return ok ? new SearchCriteria.Circle(point[0], point[1], km[0]) : null;
    }

    private int size(SearchProperties limits, List<FieldError> bad) {
        if (size == null || size.isBlank()) {
            return limits.defaultPageSize();
        }
        try {
            int n = Integer.parseInt(size.trim());
            if (n >= 1 && n <= limits.maxPageSize()) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        bad.add(new FieldError("size", "must be a whole number from 1 to " + limits.maxPageSize()));
        return limits.defaultPageSize();
    }

    private static double[] numbers(String raw, int count) {
        String[] parts = raw.split(",");
        if (parts.length != count) {
            return null;
        }
        double[] values = new double[count];
        try {
            for (int i = 0; i < count; i++) {
                values[i] = Double.parseDouble(parts[i].trim());
                if (!Double.isFinite(values[i])) {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return values;
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static boolean lon(double v) {
        return v >= -180 && v <= 180;
    }

    private static boolean lat(double v) {
        return v >= -90 && v <= 90;
    }
}
