package cn.lantian.mobile.inspection;

/**
 * One measured quantity of a test against the limit the station applied (GB 3847-2018 or GB 18285-2018, values a
 * or b as the vehicle's registration requires).
 *
 * @param quantity e.g. opacity, k (light absorption, m⁻¹), nox, co, hc, hc+nox, lambda
 */
public record Measurement(String quantity, double value, double limit) {

    /** Whether the value is over its limit; the limit itself passes. */
    boolean over() {
        return value > limit;
    }
}
