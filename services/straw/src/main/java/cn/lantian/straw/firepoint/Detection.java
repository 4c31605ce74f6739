package cn.lantian.straw.firepoint;

import java.time.Instant;

/**
 * One satellite detection as read from a FIRMS row.
 *
 * @param line the CSV line it came from
 * @param lat latitude, WGS84
 * @param lon longitude, WGS84
 * @param acquiredAt acq_date + acq_time, UTC
 * @param satellite as FIRMS names it (Terra, Aqua, N, N20, ...)
 * @param instrument MODIS or VIIRS
 * @param confidence MODIS 0-100 as text, VIIRS l, n or h
 * @param brightnessK brightness (MODIS) or bright_ti4 (VIIRS), kelvin
 * @param frpMw fire radiative power, MW
 * @param daynight D or N, or null
 * @param type the archive type column, or null where the file has none
 */
record Detection(
        int line,
        double lat,
        double lon,
        Instant acquiredAt,
        String satellite,
        String instrument,
        String confidence,
        Double brightnessK,
        Double frpMw,
        String daynight,
        Integer type) {

    /** Whether two detections are the same row seen twice (same satellite, time and place). */
    boolean sameRow(Detection other) {
        return satellite.equals(other.satellite)
                && acquiredAt.equals(other.acquiredAt)
                && lat == other.lat
                && lon == other.lon;
    }
}
