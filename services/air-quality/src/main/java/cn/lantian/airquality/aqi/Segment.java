package cn.lantian.airquality.aqi;

import java.math.BigDecimal;

/** One row of a breakpoint table: concentrations {@code low..high} map linearly onto indices {@code indexLow..indexHigh}. */
record Segment(BigDecimal low, BigDecimal high, int indexLow, int indexHigh) {

    boolean contains(BigDecimal c) {
        return c.compareTo(low) >= 0 && c.compareTo(high) <= 0;
    }

    /** Equation (1) of HJ 633 and Equation 1 of the EPA document, exact until the caller rounds. */
    BigDecimal index(BigDecimal c) {
        BigDecimal span = high.subtract(low);
        if (span.signum() == 0) {
            return BigDecimal.valueOf(indexHigh);
        }
        BigDecimal rise = BigDecimal.valueOf((long) indexHigh - indexLow).multiply(c.subtract(low));
        // 20 digits is far beyond any rounding edge the tables can produce; the caller rounds to an integer.
        return rise.divide(span, 20, java.math.RoundingMode.HALF_EVEN).add(BigDecimal.valueOf(indexLow));
    }
}
