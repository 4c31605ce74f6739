package cn.lantian.indexer.search;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A validated search: full text and filters; each list matches any of its values, the filters all together.
 *
 * @param text full-text query, or null
 * @param jurisdictions where events lie, each expanded to the units under it
 * @param corpsUnits Corps units, each expanded to the units under it
 * @param from earliest event time, inclusive, or null
 * @param to latest event time, exclusive, or null
 * @param box bounding box, or null
 * @param circle radius around a point, or null
 * @param size page size
 * @param after where the previous page ended, or null for the first page
 */
record SearchCriteria(
        String text,
        List<String> domains,
        List<String> types,
        Set<String> jurisdictions,
        Set<String> corpsUnits,
        List<String> agencies,
        List<String> severities,
        OffsetDateTime from,
        OffsetDateTime to,
        BoundingBox box,
        Circle circle,
        int size,
        Cursor after) {

    /** West, south, east, north in degrees (WGS84). */
    record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {}

    /** Everything within {@code radiusKm} of a point. */
    record Circle(double lon, double lat, double radiusKm) {}
}
