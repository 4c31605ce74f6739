package cn.lantian.straw.events;

/** A WGS84 position, as the contract's {@code location} objects hold it. */
public record Location(double lon, double lat) {}
