package cn.lantian.mobile.sensing;

import java.time.Instant;

/** Where a device's readings stand: the newest stored reading of a kind at a place, {@code at} null when none. */
record LatestReading(String check, double lon, double lat, Instant at) {}
