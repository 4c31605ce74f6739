package cn.lantian.dust.monitor;

/** A reading as sent: monitor id, time with offset, PM10, and PM2.5 and TSP where measured (µg/m³). */
record ReadingInput(String monitorId, String at, Double pm10, Double pm25, Double tsp) {
}
