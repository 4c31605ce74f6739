package cn.lantian.dust.rules;

/**
 * One rule of {@code rules/dust-rules.csv}.
 *
 * @param status confirmed, secondary source or operating rule
 */
public record Rule(String id, String value, String unit, String source, String status, String description) {

    /** The value as a number. */
    public double number() {
        return Double.parseDouble(value);
    }
}
