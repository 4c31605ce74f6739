package cn.lantian.airquality.station;

import cn.lantian.reference.Placement;
import java.time.LocalDate;

/**
 * A monitoring station.
 *
 * @param id station code, e.g. 2698A for the national stations
 * @param nameUg the Uyghur name, or null
 * @param kind national, regional, county or industrial
 * @param jurisdiction the county (or Corps unit) it reports for
 * @param corpsUnit the Corps unit it lies in, or null
 * @param operator who runs the station, or null when not known
 * @param elevationM metres above sea level, or null when not known
 * @param operatingSince the first day it reported, or null when not known
 */
public record Station(
        String id,
        String nameZh,
        String nameEn,
        String nameUg,
        String kind,
        double longitude,
        double latitude,
        String jurisdiction,
        String corpsUnit,
        String operator,
        Double elevationM,
        LocalDate operatingSince) {

    /** A station without Uyghur name and without the optional metadata. */
    public Station(
            String id,
            String nameZh,
            String nameEn,
            String kind,
            double longitude,
            double latitude,
            String jurisdiction,
            String corpsUnit) {
        this(id, nameZh, nameEn, null, kind, longitude, latitude, jurisdiction, corpsUnit, null, null, null);
    }

    /** Where the station lies, for access checks and aggregation. */
    public Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }

    /** The same station placed in another county and Corps unit. */
    public Station placedIn(Placement at) {
        return new Station(
                id,
                nameZh,
                nameEn,
                nameUg,
                kind,
                longitude,
                latitude,
                at.jurisdiction(),
                at.corpsUnit(),
                operator,
                elevationM,
                operatingSince);
    }
}
