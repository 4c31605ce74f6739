package cn.lantian.portal.upstream;

import java.time.Instant;

/** One station hour: AQI and concentrations (µg/m³, CO mg/m³); {@code valid} false for flagged hours. */
public record HourValue(Instant hour, Integer aqi, String primary, Double pm25, Double pm10, Double so2, Double no2,
        Double co, Double o3, boolean valid) {
}
