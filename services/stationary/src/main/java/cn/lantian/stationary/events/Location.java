package cn.lantian.stationary.events;

/** The location object of several event schemas: where the subject lies. */
public record Location(double lon, double lat) {}
