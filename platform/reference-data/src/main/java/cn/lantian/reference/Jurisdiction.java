package cn.lantian.reference;

import java.util.List;
import java.util.Optional;

/**
 * A unit that governs a place: the prefecture, a county-level unit, the development zone, or a Corps unit.
 *
 * @param id division code (653125) or Corps unit id (xpcc-3, xpcc-3-41) or {@code kedz}
 * @param kind prefecture, county, development-zone, corps-division or corps-unit
 * @param hostCounty for a Corps unit or the zone, the county whose land it lies in, where known
 * @param centroid [lon, lat], or null where no position is known
 * @param area the unit's boundary, or null where none is published
 */
public record Jurisdiction(
        String id,
        Kind kind,
        String nameZh,
        String nameEn,
        String nameUg,
        String parent,
        String hostCounty,
        List<String> aliases,
        double[] centroid,
        Area area) {

    /** What sort of unit it is. */
    public enum Kind {
        PREFECTURE,
        COUNTY,
        DEVELOPMENT_ZONE,
        CORPS_DIVISION,
        CORPS_UNIT;

        static Kind of(String text) {
            return valueOf(text.toUpperCase().replace('-', '_'));
        }
    }

    /** Whether this is a unit of the Xinjiang Production and Construction Corps. */
    public boolean isCorps() {
        return kind == Kind.CORPS_DIVISION || kind == Kind.CORPS_UNIT;
    }

    /** The county this unit's land lies in, if it is hosted by one. */
    public Optional<String> host() {
        return Optional.ofNullable(hostCounty);
    }
}
