package cn.lantian.mobile.machinery;

/** One row of {@code rules/non-road-machinery.csv}: a number with its unit, status and source. */
record Rule(String id, double value, String unit, String status, String source) {}
