package cn.lantian.airquality.aqi;

import java.math.BigDecimal;

/**
 * The IAQI of one indicator.
 *
 * @param concentration as given (µg/m³, CO mg/m³)
 * @param iaqi the individual index, or null where the standard does not index this value
 * @param note why the value was substituted, capped or left out; null when computed plainly
 */
public record SubIndex(Indicator indicator, BigDecimal concentration, Integer iaqi, String note) {}
