package cn.lantian.portal.upstream;

import java.time.Instant;

/**
 * A monitoring station with its newest hourly AQI (null fields when the station has not reported).
 *
 * @param jurisdiction the county-level unit the station lies in; corpsUnit the Corps unit, if any
 */
public record StationNow(
        String id,
        String nameZh,
        String nameEn,
        String kind,
        double longitude,
        double latitude,
        String jurisdiction,
        String corpsUnit,
        Instant hour,
        Integer aqi,
        String primary,
        String standard) {

    /** The same station with a newer hour's AQI. */
    public StationNow withHour(Instant newHour, Integer newAqi, String newPrimary, String newStandard) {
        return new StationNow(
                id,
                nameZh,
                nameEn,
                kind,
                longitude,
                latitude,
                jurisdiction,
                corpsUnit,
                newHour,
                newAqi,
                newPrimary,
                newStandard);
    }
}
