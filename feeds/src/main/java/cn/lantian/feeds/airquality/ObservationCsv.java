package cn.lantian.feeds.airquality;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A batch in air-quality's public inbound format (its README): a CSV header naming {@code station,time,so2,no2,pm10,
 * pm25,co,o3,o3_8h,valid,flag}, then one line per station hour, time ISO-8601 with offset (Beijing time, end of the
 * hour), empty cells for missing values.
 */
final class ObservationCsv {

    static final String CONTENT_TYPE = "text/csv";
    static final String HEADER = "station,time,so2,no2,pm10,pm25,co,o3,o3_8h,valid,flag";
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private ObservationCsv() {}

    static String of(List<StationHour> hours) {
        StringBuilder out = new StringBuilder(HEADER.length() + hours.size() * 72)
                .append(HEADER)
                .append('\n');
        for (StationHour h : hours) {
            out.append(h.station())
                    .append(',')
                    .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(h.hour(), BEIJING)))
                    .append(',')
                    .append(cell(h.so2()))
                    .append(',')
                    .append(cell(h.no2()))
                    .append(',')
                    .append(cell(h.pm10()))
                    .append(',')
                    .append(cell(h.pm25()))
                    .append(',')
                    .append(cell(h.co()))
                    .append(',')
                    .append(cell(h.o3()))
                    .append(',')
                    .append(cell(h.o38h()))
                    .append(',')
                    .append(h.valid())
                    .append(',')
                    .append(h.flag() == null ? "" : h.flag())
                    .append('\n');
        }
        return out.toString();
    }

    private static String cell(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) ? Long.toString(value.longValue()) : Double.toString(value);
    }
}
