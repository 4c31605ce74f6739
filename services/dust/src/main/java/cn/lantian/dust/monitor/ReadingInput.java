package cn.lantian.dust.monitor;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;

/** A reading as sent: monitor id, time with offset, PM10, and PM2.5 and TSP where measured (µg/m³). */
record ReadingInput(
        @Size(max = TextLength.ID) String monitorId,
        @Size(max = TextLength.ID) String at,
        Double pm10,
        Double pm25,
        Double tsp) {}
