package cn.lantian.feeds.airquality;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/** What air-quality holds of a station's day: the PM10 of its stored hours (public API), to check a replayed episode. */
@FunctionalInterface
interface StoredHours {

    /** The PM10 values (µg/m³) of the station's stored hours of that day (Beijing time), in any order. */
    List<Double> pm10(String station, LocalDate day) throws IOException;
}
