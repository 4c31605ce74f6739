package cn.lantian.airquality.evaluation;

import java.time.LocalDate;

/**
 * A day's values for a station or a unit; a null concentration did not meet the validity rule. The day D covers the
 * hours labelled D 01:00 to D+1 00:00, Beijing time.
 *
 * @param o3_1h daily maximum 1-hour O3
 * @param o3_8h daily maximum 8-hour rolling O3
 * @param aqi the daily AQI from the valid indicators, null if none
 * @param standard the AQI standard version that produced {@code aqi}
 * @param dust whether the day is flagged as affected by sand and dust
 * @param dustBasis why it is flagged
 */
public record DailyValue(
        LocalDate day,
        Double so2,
        Double no2,
        Double pm10,
        Double pm25,
        Double co,
        Double o3_1h,
        Double o3_8h,
        Integer aqi,
        String primary,
        String standard,
        boolean dust,
        String dustBasis) {}
