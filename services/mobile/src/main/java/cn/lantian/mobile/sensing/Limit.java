package cn.lantian.mobile.sensing;

/** One limit of the table {@code rules/remote-sensing-limits.csv}. */
record Limit(String fuel, String pollutant, double value, String unit, String status, String source) {

    /** Whether a measured value is over the limit; the limit itself is still within it. */
    boolean exceededBy(double measured) {
        return measured > value;
    }
}
