package cn.lantian.portal.upstream;

import java.time.LocalDate;

/** One station day per HJ 663-2013 (null where the day's data did not meet the validity rule); o3 is the 8-h max. */
public record DayValue(
        LocalDate day,
        Integer aqi,
        String primary,
        Double pm25,
        Double pm10,
        Double so2,
        Double no2,
        Double co,
        Double o3,
        boolean dust) {}
