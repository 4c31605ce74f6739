package cn.lantian.mobile.zone;

/**
 * A low-emission zone for non-road machinery: inside it, machinery below {@code minStage} may not work.
 *
 * @param county the county code (or Corps division) that designates it
 * @param west the boundary box in WGS84 degrees: west, south, east, north
 * @param status unconfirmed while the boundary is a demonstration one
 */
public record Zone(
        String id,
        String county,
        String nameZh,
        String nameEn,
        String minStage,
        double west,
        double south,
        double east,
        double north,
        String status,
        String source) {

    /** Whether the point lies inside the zone, its boundary included. */
    public boolean contains(double lon, double lat) {
        return lon >= west && lon <= east && lat >= south && lat <= north;
    }
}
