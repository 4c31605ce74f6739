package cn.lantian.portal.upstream;

import java.time.Instant;

/**
 * A unit's real-time AQI and the hour it belongs to, as air-quality computes it.
 *
 * @param hour the hour's time stamp as air-quality gives it (null when the owner gives none)
 */
public record UnitAqi(int aqi, Instant hour) {}
