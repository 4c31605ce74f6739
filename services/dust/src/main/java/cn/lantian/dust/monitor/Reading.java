package cn.lantian.dust.monitor;

import java.time.Instant;

/** A checked monitor reading, µg/m³; PM2.5 and TSP where the monitor measures them. */
record Reading(String monitorId, Instant at, double pm10, Double pm25, Double tsp) {}
