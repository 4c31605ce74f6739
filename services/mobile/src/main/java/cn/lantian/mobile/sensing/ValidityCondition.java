package cn.lantian.mobile.sensing;

/**
 * One row of {@code rules/remote-sensing-validity.csv}: the range a measured condition of a remote-sensing reading
 * must lie in (bounds included) for the reading to be judged at all.
 *
 * @param condition speed, acceleration or wind
 * @param required whether a reading without the value is invalid
 */
record ValidityCondition(
        String condition, double min, double max, String unit, boolean required, String status, String source) {

    /** Why the value makes the reading invalid, or null when it does not. */
    String violatedBy(Double value) {
        if (value == null) {
            return required ? condition + " not measured" : null;
        }
        if (value < min || value > max) {
            return condition + " " + value + " " + unit + " outside " + min + " to " + max + " " + unit;
        }
        return null;
    }
}
