package cn.lantian.feeds.mobile;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One pass in front of a roadside device, as mobile's inbound format has it: opacity (%) and Ringelmann grade for
 * diesel exhaust, NO (ppm) for every fuel, speed (km/h), acceleration (m/s²) and wind (m/s) as the device records them.
 */
record SensingReading(
        String plate,
        Instant at,
        double lon,
        double lat,
        Double opacity,
        Integer ringelmann,
        double nox,
        double speed,
        double acceleration,
        double wind) {

    /** One line of mobile's JSON-lines format ({@code plate, at, lon, lat, check, opacity, ...}), Beijing time. */
    String jsonLine() {
        StringBuilder b = new StringBuilder(200)
                .append("{\"plate\":\"")
                .append(plate)
                .append("\",\"at\":\"")
                .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.ofHours(8))))
                .append("\",\"lon\":")
                .append(lon)
                .append(",\"lat\":")
                .append(lat)
                .append(",\"check\":\"remote-sensing\"");
        if (opacity != null) {
            b.append(",\"opacity\":").append(opacity);
        }
        if (ringelmann != null) {
            b.append(",\"ringelmann\":").append(ringelmann);
        }
        return b.append(",\"nox\":")
                .append(nox)
                .append(",\"speed\":")
                .append(speed)
                .append(",\"acceleration\":")
                .append(acceleration)
                .append(",\"wind\":")
                .append(wind)
                .append('}')
                .toString();
    }
}
