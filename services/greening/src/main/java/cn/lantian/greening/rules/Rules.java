package cn.lantian.greening.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The rule table {@code rules/greening-rules.csv}; every number the code applies is named here. */
@Component
public class Rules {

    /** Mu per hectare. */
    public static final String MU_PER_HECTARE = "area.mu-per-hectare";
    /** Smallest contiguous area of a sand-closure protection area, km². */
    public static final String CLOSURE_MIN_AREA = "closure.min-contiguous-area";
    /** Survival rate (%) at or above which a check is qualified. */
    public static final String SURVIVAL_QUALIFIED = "survival.qualified-rate";
    /** Survival rate (%) below which the plot is afforested again. */
    public static final String SURVIVAL_REPLANT_ALL = "survival.replant-all-below";

    /** The ids the code reads; the table must hold each. */
    public static final List<String> USED =
            List.of(MU_PER_HECTARE, CLOSURE_MIN_AREA, SURVIVAL_QUALIFIED, SURVIVAL_REPLANT_ALL);

    private final Map<String, Rule> byId = new LinkedHashMap<>();

    /** Loads the shipped table; fails at start if a rule the code uses is missing or has no source. */
    public Rules() {
        for (Map<String, String> row : RuleTable.read("rules/greening-rules.csv")) {
            Rule rule = new Rule(
                    row.get("id"),
                    Double.parseDouble(row.get("value")),
                    row.get("unit"),
                    row.get("source"),
                    row.get("status"),
                    row.get("meaning"));
            byId.put(rule.id(), rule);
        }
        for (String id : USED) {
            Rule rule = byId.get(id);
            if (rule == null || rule.source().isBlank()) {
                throw new IllegalStateException("rules/greening-rules.csv lacks rule " + id + " or its source");
            }
        }
    }

    /** The rule's number. */
    public double value(String id) {
        Rule rule = byId.get(id);
        if (rule == null) {
            throw new IllegalArgumentException("no rule " + id);
        }
        return rule.value();
    }

    /** Every rule, in table order. */
    public List<Rule> all() {
        return List.copyOf(byId.values());
    }

    /** Hectares to mu. */
    public double mu(double hectares) {
        return hectares * value(MU_PER_HECTARE);
    }

    /** Mu to hectares. */
    public double hectares(double mu) {
        return mu / value(MU_PER_HECTARE);
    }

    /** What a survival check at that rate calls for: qualified, gap-filling, or afforesting again. */
    public String survivalVerdict(double ratePercent) {
        if (ratePercent >= value(SURVIVAL_QUALIFIED)) {
            return "qualified";
        }
        return ratePercent < value(SURVIVAL_REPLANT_ALL) ? "replant-all" : "replant-gaps";
    }
}
