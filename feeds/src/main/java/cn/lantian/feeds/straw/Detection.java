package cn.lantian.feeds.straw;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * One active-fire detection as FIRMS publishes it: MODIS (Terra, Aqua; brightness in K, confidence 0-100) or VIIRS
 * (Suomi NPP {@code N}, NOAA-20 {@code N20}, NOAA-21 {@code N21}; I-band brightness, confidence l/n/h), acquisition in
 * UTC, fire radiative power in MW, type 0 (presumed vegetation fire).
 */
record Detection(
        Instrument instrument,
        String satellite,
        Instant at,
        double lat,
        double lon,
        double brightness,
        double brightness2,
        double scan,
        double track,
        String confidence,
        double frp) {

    /** The FIRMS dialect: its header and version. */
    enum Instrument {
        MODIS(
                "latitude,longitude,brightness,scan,track,acq_date,acq_time,satellite,instrument,confidence,version,"
                        + "bright_t31,frp,daynight,type",
                "6.1NRT"),
        VIIRS(
                "latitude,longitude,bright_ti4,scan,track,acq_date,acq_time,satellite,instrument,confidence,version,"
                        + "bright_ti5,frp,daynight,type",
                "2.0NRT");

        final String header;
        final String version;

        Instrument(String header, String version) {
            this.header = header;
            this.version = version;
        }
    }

    /** The detection as a row of its dialect's CSV (the header's columns, in order). */
    String csvRow() {
        var utc = at.atOffset(ZoneOffset.UTC);
        // Local solar time at Kashgar is about UTC+5: a pass between 01:00 and 13:00 UTC is by day.
        String daynight = utc.getHour() >= 1 && utc.getHour() < 13 ? "D" : "N";
        return String.format(
                Locale.ROOT,
                "%.5f,%.5f,%.2f,%.2f,%.2f,%s,%02d%02d,%s,%s,%s,%s,%.2f,%.2f,%s,0",
                lat,
                lon,
                brightness,
                scan,
                track,
                utc.toLocalDate(),
                utc.getHour(),
                utc.getMinute(),
                satellite,
                instrument.name(),
                confidence,
                instrument.version,
                brightness2,
                frp,
                daynight);
    }
}
