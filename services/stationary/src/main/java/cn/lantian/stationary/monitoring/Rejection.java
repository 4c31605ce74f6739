package cn.lantian.stationary.monitoring;

/** A line of an upload that was not taken, and why. */
public record Rejection(int line, String field, String message) {}
