package cn.lantian.feeds.airquality;

import java.time.Instant;

/** One station's hour as its data link reports it (µg/m³, CO mg/m³; null where the analyser gave nothing). */
record StationHour(
        String station,
        Instant hour,
        Double so2,
        Double no2,
        Double pm10,
        Double pm25,
        Double co,
        Double o3,
        Double o38h,
        boolean valid,
        String flag) {}
