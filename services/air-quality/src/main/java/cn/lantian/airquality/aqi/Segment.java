package cn.lantian.airquality.aqi;

import java.math.BigDecimal;

/** One row of a breakpoint table: concentrations {@code low..high} map linearly onto indices {@code indexLow..indexHigh}. */
record Segment(BigDecimal low, BigDecimal high, int indexLow, int indexHigh) {

    boolean contains(BigDecimal c) {
        return c.compareTo(low) >= 0 && c.compareTo(high) <= 0;
    }

    /**
     * Equation (1) rounded up ({@code ceiling}) or to the nearest integer, in exact integer arithmetic: concentrations
     * are decimals, so scaling them to whole numbers keeps every rounding edge exact and avoids decimal division.
     */
    int rounded(BigDecimal c, boolean ceiling) {
        int scale = Math.max(Math.max(c.scale(), low.scale()), Math.max(high.scale(), 0));
        if (scale > 6 || c.precision() - c.scale() > 9) {
            BigDecimal exact = index(c);
            return exact.setScale(0, ceiling ? java.math.RoundingMode.CEILING : java.math.RoundingMode.HALF_UP)
                    .intValueExact();
        }
        long cl = c.movePointRight(scale).longValueExact();
        long lo = low.movePointRight(scale).longValueExact();
        long hi = high.movePointRight(scale).longValueExact();
        if (hi == lo) {
            return indexHigh;
        }
        long num = (long) (indexHigh - indexLow) * (cl - lo);
        long den = hi - lo;
        long whole = ceiling ? -Math.floorDiv(-num, den) : Math.floorDiv(2 * num + den, 2 * den);
        return (int) (indexLow + whole);
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
