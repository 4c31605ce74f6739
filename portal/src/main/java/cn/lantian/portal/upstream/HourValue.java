package cn.lantian.portal.upstream;

import java.time.Instant;

/**
 * One station hour: AQI and concentrations (µg/m³, CO mg/m³); {@code valid} false for flagged hours, {@code flag} the
 * HJ 212 data flag air-quality stored with it (null when it sent none).
 */
public record HourValue(
        Instant hour,
        Integer aqi,
        String primary,
        Double pm25,
        Double pm10,
        Double so2,
        Double no2,
        Double co,
        Double o3,
        boolean valid,
        String flag) {}
