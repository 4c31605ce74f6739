package cn.lantian.dust.monitor;

/** A national air-quality station, as the air-quality service lists it. */
record Station(String id, double lon, double lat) {}
