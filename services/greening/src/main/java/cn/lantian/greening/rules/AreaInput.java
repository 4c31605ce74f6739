package cn.lantian.greening.rules;

import cn.lantian.greening.web.Checks;
import java.util.List;

/**
 * An area as a writer gives it: a value and its unit, {@code mu} or {@code ha}.
 */
public record AreaInput(Double value, String unit) {

    /** The units an area may be given in. */
    public static final List<String> UNITS = List.of("mu", "ha");

    /** Checks the value (0 to max hectares) and unit, recording bad fields under {@code field}. */
    public void check(Checks checks, String field, Rules rules, double maxHectares) {
        checks.oneOf(field + ".unit", unit, UNITS);
        if (checks.required(field + ".value", value) && UNITS.contains(unit)) {
            double max = "mu".equals(unit) ? rules.mu(maxHectares) : maxHectares;
            checks.between(field + ".value", value, 0, max);
        }
    }

    /** The area in hectares. */
    public double hectares(Rules rules) {
        return "mu".equals(unit) ? rules.hectares(value) : value;
    }
}
