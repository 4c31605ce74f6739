package cn.lantian.feeds.dust;

import java.time.Instant;

/** One site monitor's reading as its vendor's system reports it (µg/m³). */
record MonitorReading(String monitorId, Instant at, double pm10, double pm25) {

    /** The reading as one line of dust's inbound JSON-lines format ({@code monitorId, at, pm10, pm25}). */
    String jsonLine() {
        return "{\"monitorId\":\"" + monitorId + "\",\"at\":\"" + at + "\",\"pm10\":" + pm10 + ",\"pm25\":" + pm25
                + "}";
    }
}
