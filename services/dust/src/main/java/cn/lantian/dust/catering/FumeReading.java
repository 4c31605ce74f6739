package cn.lantian.dust.catering;

import java.time.Instant;

/** An online fume reading, mg/m³. */
record FumeReading(String restaurantId, Instant at, double fumeMgM3) {}
