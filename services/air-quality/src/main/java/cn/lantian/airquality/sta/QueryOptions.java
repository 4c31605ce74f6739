package cn.lantian.airquality.sta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query options of one request or one {@code $expand} item, as STA 1.1 defines them.
 *
 * @param top how many entities at most ({@code null}: the configured page size)
 * @param skip how many to pass over
 * @param count whether to include {@code @iot.count}
 */
record QueryOptions(
        Expr filter,
        List<String> select,
        List<Expand> expand,
        List<FilterParser.Order> orderBy,
        Integer top,
        int skip,
        boolean count) {

    /** An {@code $expand} item: a navigation property with the options of the expanded set. */
    record Expand(String relation, QueryOptions options) {}

    static final QueryOptions NONE = new QueryOptions(null, List.of(), List.of(), List.of(), null, 0, false);

    /**
     * Reads the options of a request (names with their {@code $}, values decoded).
     *
     * @throws QueryException for an unknown option or a bad value
     */
    static QueryOptions of(Map<String, String> raw) {
        Expr filter = null;
        List<String> select = List.of();
        List<Expand> expand = List.of();
        List<FilterParser.Order> orderBy = List.of();
        Integer top = null;
        int skip = 0;
        boolean count = false;
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String value = e.getValue().strip();
            switch (e.getKey()) {
                case "$filter" -> filter = FilterParser.parse(value);
                case "$select" -> select = names(value);
                case "$expand" -> expand = expandList(value);
                case "$orderby" -> orderBy = FilterParser.orderBy(value);
                case "$top" -> top = nonNegative("$top", value);
                case "$skip" -> skip = nonNegative("$skip", value);
                case "$count" -> count = bool(value);
                case "$resultFormat" -> throw new QueryException("$resultFormat (dataArray) is not supported");
                default -> {
                    if (e.getKey().startsWith("$")) {
                        throw new QueryException("unknown query option " + e.getKey());
                    }
                }
            }
        }
        return new QueryOptions(filter, select, expand, orderBy, top, skip, count);
    }

    private static int nonNegative(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new QueryException(option + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new QueryException(option + " must be a whole number");
        }
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new QueryException("$count must be true or false");
        };
    }

    private static List<String> names(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",")) {
            String name = s.strip();
            if (name.isEmpty()) {
                throw new QueryException("$select has an empty item");
            }
            out.add(name);
        }
        return List.copyOf(out);
    }

    /** Splits at top-level separators (outside parentheses and quotes). */
    static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth < 0) {
                    throw new QueryException("unbalanced parentheses");
                }
            } else if (!quoted && depth == 0 && c == separator) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0 || quoted) {
            throw new QueryException("unbalanced parentheses or quotes");
        }
        parts.add(value.substring(start));
        return parts;
    }

    private static List<Expand> expandList(String value) {
        List<Expand> out = new ArrayList<>();
        for (String item : split(value, ',')) {
            out.add(expandItem(item.strip()));
        }
        return merge(out);
    }

    private static Expand expandItem(String item) {
        if (item.isEmpty()) {
            throw new QueryException("$expand has an empty item");
        }
        int paren = item.indexOf('(');
        String path = paren < 0 ? item : item.substring(0, paren);
        QueryOptions options = NONE;
        if (paren >= 0) {
            if (!item.endsWith(")")) {
                throw new QueryException("$expand item '" + item + "' does not end with ')'");
            }
            Map<String, String> nested = new java.util.LinkedHashMap<>();
            for (String option : split(item.substring(paren + 1, item.length() - 1), ';')) {
                int eq = option.indexOf('=');
                if (eq < 0) {
                    throw new QueryException("$expand option '" + option + "' has no '='");
                }
                nested.put(option.substring(0, eq).strip(), option.substring(eq + 1));
            }
            options = of(nested);
        }
        // Things?$expand=Datastreams/Sensor is Datastreams($expand=Sensor)
        String[] hops = path.strip().split("/");
        Expand e = new Expand(hops[hops.length - 1], options);
        for (int i = hops.length - 2; i >= 0; i--) {
            e = new Expand(hops[i], NONE.withExpand(List.of(e)));
        }
        return e;
    }

    /** Joins items that expand the same relation (Datastreams/Sensor,Datastreams/Thing). */
    private static List<Expand> merge(List<Expand> items) {
        java.util.LinkedHashMap<String, Expand> byName = new java.util.LinkedHashMap<>();
        for (Expand e : items) {
            byName.merge(e.relation(), e, (a, b) -> {
                List<Expand> all = new ArrayList<>(a.options().expand());
                all.addAll(b.options().expand());
                // the item with its own options ($top, $filter...) keeps them
                QueryOptions kept =
                        a.options().equals(NONE.withExpand(a.options().expand())) ? b.options() : a.options();
                return new Expand(a.relation(), kept.withExpand(merge(all)));
            });
        }
        return List.copyOf(byName.values());
    }

    QueryOptions withExpand(List<Expand> items) {
        return new QueryOptions(filter, select, items, orderBy, top, skip, count);
    }
}
