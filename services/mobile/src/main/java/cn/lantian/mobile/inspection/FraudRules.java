package cn.lantian.mobile.inspection;

import cn.lantian.reference.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fraud signals' rule table ({@code rules/inspection-fraud-signals.csv}), each row with its source; a threshold
 * may be overridden in configuration ({@code lantian.mobile.inspection.thresholds.<signal>}).
 */
public final class FraudRules {

    /** The signals, in the order the table lists them. */
    public static final List<String> SIGNALS = List.of(
            "near-identical-process",
            "retest-within-minutes",
            "second-test-within-month",
            "non-dynamometer-heavy",
            "pass-rate-outlier",
            "shared-obd-calibration");

    private final Map<String, FraudRule> rules;

    FraudRules(Map<String, FraudRule> rules) {
        for (String signal : SIGNALS) {
            if (!rules.containsKey(signal)) {
                throw new IllegalStateException("the fraud-signal table has no row for " + signal);
            }
        }
        this.rules = Map.copyOf(rules);
    }

    /** The shipped table with the given thresholds overriding its own. */
    public static FraudRules load(Map<String, Double> thresholds) {
        return parse(text("rules/inspection-fraud-signals.csv"), thresholds);
    }

    static FraudRules parse(String csv, Map<String, Double> thresholds) {
        Map<String, FraudRule> rules = new LinkedHashMap<>();
        for (Map<String, String> r : Csv.read(csv)) {
            String signal = r.get("signal");
            if (!SIGNALS.contains(signal)) {
                throw new IllegalStateException("unknown fraud signal " + signal);
            }
            if (r.get("source") == null || r.get("source").isBlank()) {
                throw new IllegalStateException("fraud signal " + signal + " names no source");
            }
            double threshold = thresholds.getOrDefault(signal, Double.parseDouble(r.get("threshold")));
            rules.put(
                    signal,
                    new FraudRule(
                            signal,
                            threshold,
                            r.get("unit"),
                            Integer.parseInt(r.get("window_days")),
                            Integer.parseInt(r.get("min_count")),
                            r.get("description"),
                            r.get("source"),
                            r.get("status")));
        }
        for (String signal : thresholds.keySet()) {
            if (!SIGNALS.contains(signal)) {
                throw new IllegalStateException("a threshold is configured for unknown fraud signal " + signal);
            }
        }
        return new FraudRules(rules);
    }

    /** The rule of that signal. */
    public FraudRule of(String signal) {
        FraudRule rule = rules.get(signal);
        if (rule == null) {
            throw new IllegalArgumentException("no fraud signal " + signal);
        }
        return rule;
    }

    /** Every rule, in the table's order. */
    public List<FraudRule> all() {
        return SIGNALS.stream().map(rules::get).toList();
    }

    private static String text(String resource) {
        try (InputStream in = FraudRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing rule file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
