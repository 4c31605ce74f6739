package cn.lantian.dust.rules;

import cn.lantian.reference.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The dust rule table; every id the code asks for must be in the file (checked at start and by a test). */
public final class DustRules {

    /** Statuses a rule may carry. */
    public static final Set<String> STATUSES = Set.of("confirmed", "secondary source", "operating rule", "unconfirmed");

    public static final String SITE_MONITOR_MIN_AREA = "dust.site-monitor.min-area";
    public static final String PM10_ALARM = "dust.monitor.pm10-alarm";
    public static final String PM10_OVER_STATION = "dust.monitor.pm10-over-station";
    public static final String SILENT_MINUTES = "dust.monitor.silent-minutes";
    public static final String EXCEEDANCE_MEASURE = "dust.monitor.exceedance-measure";
    public static final String IDLE_MAX_MONTHS = "dust.idle-land.max-idle";
    public static final String IDLE_TASK_DAYS = "dust.idle-land.task-days";

    /** Every id the code reads. */
    public static final List<String> USED = List.of(
            SITE_MONITOR_MIN_AREA,
            PM10_ALARM,
            PM10_OVER_STATION,
            SILENT_MINUTES,
            EXCEEDANCE_MEASURE,
            IDLE_MAX_MONTHS,
            IDLE_TASK_DAYS);

    private final Map<String, Rule> byId;

    private DustRules(Map<String, Rule> byId) {
        this.byId = byId;
    }

    /** Loads {@code rules/dust-rules.csv} from the classpath and checks it. */
    public static DustRules load() {
        try (InputStream in = DustRules.class.getClassLoader().getResourceAsStream("rules/dust-rules.csv")) {
            if (in == null) {
                throw new IllegalStateException("rules/dust-rules.csv is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a rule table; fails naming the first bad row or a missing rule. */
    public static DustRules parse(String csv) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Map<String, String> row : Csv.read(csv)) {
            Rule rule = new Rule(
                    row.get("id"),
                    row.get("value"),
                    row.get("unit"),
                    row.get("source"),
                    row.get("status"),
                    row.get("description"));
            if (rule.source() == null || rule.source().isBlank()) {
                throw new IllegalStateException("rule " + rule.id() + " names no source");
            }
            if (!STATUSES.contains(rule.status())) {
                throw new IllegalStateException("rule " + rule.id() + " has an unknown status " + rule.status());
            }
            rules.put(rule.id(), rule);
        }
        for (String id : USED) {
            if (!rules.containsKey(id)) {
                throw new IllegalStateException("rule " + id + " is missing from the rule table");
            }
        }
        return new DustRules(Map.copyOf(rules));
    }

    /** The rule with that id. */
    public Rule rule(String id) {
        Rule rule = byId.get(id);
        if (rule == null) {
            throw new IllegalArgumentException("no rule " + id);
        }
        return rule;
    }

    /** The rule's value as a number. */
    public double number(String id) {
        return rule(id).number();
    }

    /** Every rule, for the rules endpoint. */
    public List<Rule> all() {
        return byId.values().stream()
                .sorted(java.util.Comparator.comparing(Rule::id))
                .toList();
    }
}
