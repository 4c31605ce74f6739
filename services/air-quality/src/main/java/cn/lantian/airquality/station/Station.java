package cn.lantian.airquality.station;

import cn.lantian.reference.Placement;

/**
 * A monitoring station.
 *
 * @param id station code, e.g. 2698A for the national stations
 * @param kind national, regional or county
 * @param jurisdiction the county (or Corps unit) it reports for
 * @param corpsUnit the Corps unit it lies in, or null
 */
public record Station(
        String id,
        String nameZh,
        String nameEn,
        String kind,
        double longitude,
        double latitude,
        String jurisdiction,
        String corpsUnit) {

    /** Where the station lies, for access checks and aggregation. */
    public Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }
}
