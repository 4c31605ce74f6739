package cn.lantian.straw.rules;

/** One rule number with its unit, source and how far it is confirmed. */
public record Rule(String id, double value, String unit, String source, String status) {}
