package cn.lantian.airquality.aqi;

import java.math.BigDecimal;

/**
 * A special case of a standard: above {@code above}, {@code indicator} is not indexed and the pollutant is reported by
 * {@code use} instead; {@code fallbackIndex} (EPA SO2) applies when {@code use} gives nothing.
 */
record Substitution(Indicator indicator, BigDecimal above, Indicator use, Integer fallbackIndex, String source) {
}
