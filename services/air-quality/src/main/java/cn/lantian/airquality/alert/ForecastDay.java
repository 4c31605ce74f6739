package cn.lantian.airquality.alert;

import java.time.LocalDate;

/**
 * A forecast daily AQI for a county.
 *
 * @param dust whether the forecast expects the day to be driven by sand and dust (outside the emergency plans)
 */
public record ForecastDay(LocalDate day, int aqi, boolean dust) {}
