package cn.lantian.stationary.rules;

/**
 * One row of the rule table.
 *
 * @param kind facility kind, or {@code enterprise}
 * @param fuel boiler fuel the rule is about, or null for any
 * @param builtUp whether the facility lies in an urban built-up area, or null for either
 * @param metric the attribute compared, or null when the rule applies to every facility of the kind
 * @param operator le, lt, ge, gt or eq
 * @param requirement what must hold for no finding; null when matching is itself the finding
 * @param source the plan's section or the national standard the rule comes from
 */
public record Rule(
        String id,
        String kind,
        String fuel,
        Boolean builtUp,
        String metric,
        String operator,
        Double threshold,
        String unit,
        String requirement,
        String severity,
        String source,
        String summary) {

    /** Whether a value satisfies the rule's comparison. */
    boolean compares(double value) {
        if (metric == null) {
            return true;
        }
        if (Double.isNaN(value)) {
            return false;
        }
        return switch (operator) {
            case "le" -> value <= threshold;
            case "lt" -> value < threshold;
            case "ge" -> value >= threshold;
            case "gt" -> value > threshold;
            case "eq" -> value == threshold;
            default -> throw new IllegalStateException("rule " + id + " has unknown operator " + operator);
        };
    }
}
