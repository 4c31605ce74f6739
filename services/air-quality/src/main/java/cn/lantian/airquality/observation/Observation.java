package cn.lantian.airquality.observation;

import java.time.Instant;

/**
 * One station hour. Concentrations in µg/m³ (CO mg/m³), null where missing.
 *
 * @param hour end of the averaging hour
 * @param o3_8h the 8-hour rolling O3 mean the station reports with the hour, if any
 * @param valid false for hours flagged invalid (maintenance, calibration, fault); they count nowhere
 * @param flag the station's data flag (HJ 212 style: N normal, M maintenance, C calibration, D fault ...), or null
 */
public record Observation(
        String station,
        Instant hour,
        Double so2,
        Double no2,
        Double pm10,
        Double pm25,
        Double co,
        Double o3,
        Double o3_8h,
        boolean valid,
        String flag) {}
