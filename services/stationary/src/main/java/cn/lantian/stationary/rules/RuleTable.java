package cn.lantian.stationary.rules;

import cn.lantian.reference.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rule table {@code rules/stationary-rules.csv}, loaded once; every row must name its source. */
public final class RuleTable {

    private static final Set<String> OPERATORS = Set.of("le", "lt", "ge", "gt", "eq", "-");

    private final List<Rule> rules;

    private RuleTable(List<Rule> rules) {
        this.rules = rules;
    }

    /** Loads the shipped table; fails on a row without source or with an unknown operator. */
    public static RuleTable load() {
        try (InputStream in = RuleTable.class.getClassLoader().getResourceAsStream("rules/stationary-rules.csv")) {
            if (in == null) {
                throw new IllegalStateException("rules/stationary-rules.csv is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuleTable parse(String csv) {
        return new RuleTable(Csv.read(csv).stream().map(RuleTable::rule).toList());
    }

    private static Rule rule(Map<String, String> row) {
        String id = row.get("id");
        if (row.get("source").isBlank()) {
            throw new IllegalStateException("rule " + id + " names no source");
        }
        if (!OPERATORS.contains(row.get("operator"))) {
            throw new IllegalStateException("rule " + id + " has unknown operator " + row.get("operator"));
        }
        String metric = dash(row.get("metric"));
        String threshold = row.get("threshold");
        if (metric != null && threshold.isBlank()) {
            throw new IllegalStateException("rule " + id + " compares " + metric + " without a threshold");
        }
        return new Rule(
                id,
                row.get("kind"),
                blankToNull(row.get("fuel")),
                row.get("built_up").isBlank() ? null : Boolean.valueOf(row.get("built_up")),
                metric,
                dash(row.get("operator")),
                threshold.isBlank() ? null : Double.valueOf(threshold),
                blankToNull(row.get("unit")),
                dash(row.get("requirement")),
                row.get("severity"),
                row.get("source"),
                row.get("summary"));
    }

    private static String dash(String s) {
        return s == null || s.isBlank() || s.equals("-") ? null : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Every rule, in table order. */
    public List<Rule> all() {
        return rules;
    }

    /** The rules about one kind of facility (or {@code enterprise}). */
    public List<Rule> forKind(String kind) {
        return rules.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    /** The rule with that id. */
    public Rule byId(String id) {
        return rules.stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + id));
    }
}
