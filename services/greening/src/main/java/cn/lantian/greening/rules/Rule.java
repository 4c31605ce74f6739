package cn.lantian.greening.rules;

/**
 * One rule number with its source.
 *
 * @param status confirmed, or unconfirmed where the figure was not read in the source's own text
 */
public record Rule(String id, double value, String unit, String source, String status, String meaning) {}
