package cn.lantian.portal.upstream;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A monitoring station with its newest hourly AQI (null fields when the station has not reported).
 *
 * @param jurisdiction the county-level unit the station lies in; corpsUnit the Corps unit, if any
 * @param nameUg the Uyghur name, null when air-quality has none
 * @param operator who runs the station; elevationM metres above sea level; operatingSince the first day it reported
 *     (each null when air-quality does not know it)
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
        String standard,
        String nameUg,
        String operator,
        Double elevationM,
        LocalDate operatingSince) {

    /** A station known only by its names in Chinese and English and its place. */
    public StationNow(
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
        this(
                id,
                nameZh,
                nameEn,
                kind,
                longitude,
                latitude,
                jurisdiction,
                corpsUnit,
                hour,
                aqi,
                primary,
                standard,
                null,
                null,
                null,
                null);
    }

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
                newStandard,
                nameUg,
                operator,
                elevationM,
                operatingSince);
    }
}
