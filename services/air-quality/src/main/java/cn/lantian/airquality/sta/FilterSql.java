package cn.lantian.airquality.sta;

import cn.lantian.airquality.sta.EntityType.Kind;
import cn.lantian.airquality.sta.EntityType.Property;
import cn.lantian.airquality.sta.EntityType.Relation;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates {@code $filter} and {@code $orderby} expressions into SQL over one entity type's view. Every value is a
 * bind parameter; names only ever come from {@link EntityType}, so no text of the request reaches the SQL.
 *
 * <p>Time intervals (an observation's {@code phenomenonTime}) are half-open {@code [start, end)}: {@code gt}/{@code ge}
 * compare the start, {@code lt}/{@code le} the end ({@code lt t} also holds for an interval ending at t), {@code eq}
 * both. Since the end is never before the start, a start bound is repeated on the end, which the index on the hour
 * serves.
 */
final class FilterSql {

    /** A translated value: its SQL, its kind and, for an interval, the SQL of its end. */
    record Value(String sql, Kind kind, String end) {
        Value(String sql, Kind kind) {
            this(sql, kind, null);
        }
    }

    private static final Map<String, String> COMPARE =
            Map.of("eq", "=", "ne", "<>", "gt", ">", "ge", ">=", "lt", "<", "le", "<=");
    private static final Map<String, String> ARITHMETIC =
            Map.of("add", "+", "sub", "-", "mul", "*", "div", "/", "mod", "%");

    private final SqlParameters sql;

    FilterSql(SqlParameters sql) {
        this.sql = sql;
    }

    /** A boolean condition over the entity aliased {@code alias}. */
    String condition(Expr e, EntityType type, String alias) {
        Value v = value(e, type, alias);
        if ("boolean".equals(v.end())) {
            return v.sql();
        }
        if (v.kind() == Kind.JSON && v.sql().contains("#>>")) {
            return "(" + v.sql() + ")::boolean";
        }
        throw new QueryException("$filter must be a condition");
    }

    /** The ORDER BY items for {@code $orderby}, with the type's default order as the last tie-breaker. */
    String orderBy(List<FilterParser.Order> items, EntityType type, String alias) {
        List<String> parts = new ArrayList<>();
        for (FilterParser.Order o : items) {
            String dir = o.descending() ? " desc" : " asc";
            if (o.expr() instanceof Expr.Path p
                    && p.segments().size() == 1
                    && isId(p.segments().get(0))) {
                type.idOrder().forEach(c -> parts.add(alias + "." + c + dir));
                continue;
            }
            Value v = value(o.expr(), type, alias);
            if (v.kind() == Kind.INTERVAL) {
                // by end first: for one datastream the index on the hour then serves the order
                parts.add(v.end() + dir);
                parts.add(v.sql() + dir);
            } else {
                parts.add(v.sql() + dir);
            }
        }
        type.defaultOrder().forEach(c -> parts.add(alias + "." + c + " asc"));
        return String.join(", ", parts);
    }

    private static boolean isId(String name) {
        return name.equals("id") || name.equals("@iot.id");
    }

    private Value bool(String s) {
        return new Value(s, null, "boolean");
    }

    Value value(Expr e, EntityType type, String alias) {
        if (e instanceof Expr.Literal l) {
            return literal(l.value());
        }
        if (e instanceof Expr.Path p) {
            return path(p.segments(), type, alias);
        }
        if (e instanceof Expr.Unary u) {
            return u.op().equals("not")
                    ? bool("(not " + condition(u.operand(), type, alias) + ")")
                    : new Value("(-" + value(u.operand(), type, alias).sql() + ")", Kind.NUMBER);
        }
        if (e instanceof Expr.Binary b) {
            return binary(b, type, alias);
        }
        return call((Expr.Call) e, type, alias);
    }

    private Value literal(Object v) {
        if (v == null) {
            return new Value("null", null, "null");
        }
        String p = sql.bind(v);
        if (v instanceof String) {
            return new Value(p, Kind.TEXT);
        }
        if (v instanceof OffsetDateTime) {
            return new Value(p, Kind.TIME);
        }
        if (v instanceof Boolean) {
            return bool(p);
        }
        return new Value(p, Kind.NUMBER);
    }

    private Value binary(Expr.Binary b, EntityType type, String alias) {
        switch (b.op()) {
            case "and", "or" -> {
                return bool("(" + condition(b.left(), type, alias) + " " + b.op() + " "
                        + condition(b.right(), type, alias) + ")");
            }
            case "add", "sub", "mul", "div", "mod" -> {
                Value l = value(b.left(), type, alias);
                Value r = value(b.right(), type, alias);
                String op = ARITHMETIC.get(b.op());
                if (b.op().equals("mod")) {
                    return new Value("(" + l.sql() + "::numeric % " + r.sql() + "::numeric)", Kind.NUMBER);
                }
                return new Value("(" + l.sql() + "::double precision " + op + " " + r.sql() + ")", Kind.NUMBER);
            }
            default -> {
                return comparison(b, type, alias);
            }
        }
    }

    private Value comparison(Expr.Binary b, EntityType type, String alias) {
        // an observation's id compared for equality: its datastream and hour (indexed) instead of the computed id
        if (b.op().equals("eq")
                && b.left() instanceof Expr.Path p
                && p.segments().size() == 1
                && isId(p.segments().get(0))
                && b.right() instanceof Expr.Literal l
                && l.value() instanceof Long id) {
            return bool(type.idCondition(alias, id, sql));
        }
        Value l = value(b.left(), type, alias);
        Value r = value(b.right(), type, alias);
        String op = COMPARE.get(b.op());
        if ("null".equals(r.end()) || "null".equals(l.end())) {
            Value other = "null".equals(r.end()) ? l : r;
            return switch (b.op()) {
                case "eq" -> bool("(" + other.sql() + " is null)");
                case "ne" -> bool("(" + other.sql() + " is not null)");
                default -> bool("false");
            };
        }
        if (l.kind() == Kind.INTERVAL && r.kind() != Kind.INTERVAL) {
            return bool(intervalVersusInstant(l, b.op(), r.sql()));
        }
        if (r.kind() == Kind.INTERVAL && l.kind() != Kind.INTERVAL) {
            return bool(intervalVersusInstant(r, mirror(b.op()), l.sql()));
        }
        if (l.kind() == Kind.INTERVAL) {
            return bool("(" + l.sql() + " " + op + " " + r.sql() + " and " + l.end() + " " + op + " " + r.end() + ")");
        }
        return bool("(" + cast(l, r) + " " + op + " " + cast(r, l) + ")");
    }

    /** A JSON member compared with a number or a boolean is read as one. */
    private static String cast(Value v, Value other) {
        if (v.kind() == Kind.JSON && v.end() == null && v.sql().contains("#>>")) {
            if (other.kind() == Kind.NUMBER) {
                return "(" + v.sql() + ")::double precision";
            }
            if ("boolean".equals(other.end())) {
                return "(" + v.sql() + ")::boolean";
            }
        }
        return v.sql();
    }

    private static String mirror(String op) {
        return switch (op) {
            case "gt" -> "lt";
            case "ge" -> "le";
            case "lt" -> "gt";
            case "le" -> "ge";
            default -> op;
        };
    }

    private static String intervalVersusInstant(Value interval, String op, String t) {
        String start = interval.sql();
        String end = interval.end();
        return switch (op) {
            case "gt" -> "(" + start + " > " + t + " and " + end + " > " + t + ")";
            case "ge" -> "(" + start + " >= " + t + " and " + end + " >= " + t + ")";
            case "lt" -> "(" + end + " <= " + t + " and (" + end + " < " + t + " or " + start + " < " + end + "))";
            case "le" -> "(" + end + " <= " + t + ")";
            case "eq" -> "(" + start + " = " + t + " and " + end + " = " + t + ")";
            default -> "(not (" + start + " = " + t + " and " + end + " = " + t + "))";
        };
    }

    private Value path(List<String> segments, EntityType type, String alias) {
        String first = segments.get(0);
        if (segments.size() == 1 && isId(first)) {
            return new Value(alias + ".id", Kind.ID);
        }
        String shortcut = type.shortcut(String.join("/", segments));
        if (shortcut != null) {
            return new Value(alias + "." + shortcut, Kind.ID);
        }
        Property property = type.properties().get(first);
        if (property != null) {
            if (segments.size() == 1) {
                return property.kind() == Kind.INTERVAL
                        ? new Value(alias + "." + property.column(), Kind.INTERVAL, alias + "." + property.endColumn())
                        : new Value(alias + "." + property.column(), property.kind());
            }
            if (property.kind() != Kind.JSON) {
                throw new QueryException("'" + first + "' has no members");
            }
            List<String> members = segments.subList(1, segments.size());
            for (String m : members) {
                if (!m.matches("[A-Za-z0-9_@.]+")) {
                    throw new QueryException("bad member name '" + m + "'");
                }
            }
            return new Value(
                    alias + "." + property.column() + " #>> " + sql.bind("{" + String.join(",", members) + "}")
                            + "::text[]",
                    Kind.JSON);
        }
        Relation relation = type.relation(first);
        if (relation == null || segments.size() == 1) {
            throw new QueryException("'" + String.join("/", segments) + "' is not a property of " + type.singular);
        }
        if (relation.many()) {
            throw new QueryException("filtering across the set '" + first + "' is not supported; filter "
                    + relation.target().plural + " instead");
        }
        String inner = sql.alias();
        Value v = path(segments.subList(1, segments.size()), relation.target(), inner);
        if (v.kind() == Kind.INTERVAL) {
            throw new QueryException("intervals of related entities cannot be compared");
        }
        return new Value(
                "(select " + v.sql() + " from " + relation.target().view + " " + inner + " where " + inner + "."
                        + relation.targetColumn() + " = " + alias + "." + relation.column() + ")",
                v.kind());
    }

    private Value call(Expr.Call c, EntityType type, String alias) {
        List<Value> a = new ArrayList<>();
        for (Expr arg : c.args()) {
            a.add(value(arg, type, alias));
        }
        return switch (c.name()) {
            case "substringof" -> bool(args(c, a, 2, "(strpos(%2$s, %1$s) > 0)"));
            case "contains" -> bool(args(c, a, 2, "(strpos(%1$s, %2$s) > 0)"));
            case "startswith" -> bool(args(c, a, 2, "starts_with(%1$s, %2$s)"));
            case "endswith" -> bool(args(c, a, 2, "(right(%1$s, char_length(%2$s)) = %2$s)"));
            case "length" -> new Value(args(c, a, 1, "char_length(%1$s)"), Kind.NUMBER);
            case "indexof" -> new Value(args(c, a, 2, "(strpos(%1$s, %2$s) - 1)"), Kind.NUMBER);
            case "substring" ->
                new Value(
                        a.size() == 3
                                ? args(c, a, 3, "substr(%1$s, (%2$s)::integer + 1, (%3$s)::integer)")
                                : args(c, a, 2, "substr(%1$s, (%2$s)::integer + 1)"),
                        Kind.TEXT);
            case "tolower" -> new Value(args(c, a, 1, "lower(%1$s)"), Kind.TEXT);
            case "toupper" -> new Value(args(c, a, 1, "upper(%1$s)"), Kind.TEXT);
            case "trim" -> new Value(args(c, a, 1, "btrim(%1$s)"), Kind.TEXT);
            case "concat" -> new Value(args(c, a, 2, "(%1$s || %2$s)"), Kind.TEXT);
            case "year", "month", "day", "hour", "minute" ->
                new Value(
                        "extract(" + c.name() + " from " + instant(c, a) + " at time zone 'UTC')::integer",
                        Kind.NUMBER);
            case "second" ->
                new Value("floor(extract(second from " + instant(c, a) + " at time zone 'UTC'))::integer", Kind.NUMBER);
            case "date" -> new Value("(" + instant(c, a) + " at time zone 'UTC')::date", Kind.TEXT);
            case "mindatetime" -> new Value(one(c, a).sql(), Kind.TIME);
            case "maxdatetime" ->
                new Value(
                        one(c, a).kind() == Kind.INTERVAL
                                ? one(c, a).end()
                                : one(c, a).sql(),
                        Kind.TIME);
            case "now" -> new Value(args(c, a, 0, "now()"), Kind.TIME);
            case "round" -> new Value(args(c, a, 1, "round((%1$s)::numeric)"), Kind.NUMBER);
            case "floor" -> new Value(args(c, a, 1, "floor(%1$s)"), Kind.NUMBER);
            case "ceiling" -> new Value(args(c, a, 1, "ceiling(%1$s)"), Kind.NUMBER);
            default -> throw new QueryException("function '" + c.name() + "' is not supported");
        };
    }

    private static Value one(Expr.Call c, List<Value> a) {
        if (a.size() != 1) {
            throw new QueryException(c.name() + " takes 1 argument");
        }
        return a.get(0);
    }

    /** An instant to take parts of: an interval's start. */
    private static String instant(Expr.Call c, List<Value> a) {
        return one(c, a).sql();
    }

    private static String args(Expr.Call c, List<Value> a, int n, String template) {
        if (a.size() != n) {
            throw new QueryException(c.name() + " takes " + n + " argument" + (n == 1 ? "" : "s"));
        }
        return String.format(template, a.stream().map(Value::sql).toArray());
    }
}
