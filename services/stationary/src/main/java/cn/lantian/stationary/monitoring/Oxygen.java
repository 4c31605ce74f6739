package cn.lantian.stationary.monitoring;

import java.util.OptionalDouble;

/** Conversion of a measured concentration to the reference oxygen content. */
public final class Oxygen {

    /** Oxygen content of air, % by volume. */
    private static final double AIR = 21.0;

    private Oxygen() {}

    /**
     * C_ref = C_measured * (21 - O2_ref) / (21 - O2_measured).
     *
     * @param reference the reference O2 in %, or null to take the measured value as is
     * @param measuredO2 the measured O2 in %, needed when a reference is set
     * @return empty when the value cannot be converted (no O2 measured, or O2 at or above that of air)
     */
    public static OptionalDouble toReference(double measured, Double measuredO2, Double reference) {
        if (reference == null) {
            return OptionalDouble.of(measured);
        }
        if (measuredO2 == null || measuredO2 < 0 || measuredO2 >= AIR) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(measured * (AIR - reference) / (AIR - measuredO2));
    }
}
