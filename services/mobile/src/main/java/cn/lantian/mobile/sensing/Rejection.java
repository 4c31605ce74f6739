package cn.lantian.mobile.sensing;

/** A line of a batch that was not taken, and why. */
public record Rejection(int line, String field, String reason) {}
