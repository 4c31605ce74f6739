package cn.lantian.mobile.inspection;

/**
 * One fraud signal's rule row.
 *
 * @param threshold the figure the signal compares against, in {@code unit}
 * @param windowDays the span of tests the signal compares
 * @param minCount as the signal uses it: shortest curve, tests for a pass rate, vehicles sharing a calibration
 */
public record FraudRule(
        String signal,
        double threshold,
        String unit,
        int windowDays,
        int minCount,
        String description,
        String source,
        String status) {}
