package cn.lantian.feeds.stationary;

import java.time.Instant;

/** One hourly CEMS value as a gateway reports it (measured mg/m3, O2 %, flow m3/h, HJ 212 flag). */
record CemsReading(String outletId, String pollutant, Instant hour, double value, double o2, double flow, String flag) {

    /** The value as one line of stationary's inbound JSON-lines format ({@code outletId,pollutant,hour,value,o2,flow,flag}). */
    String jsonLine() {
        return "{\"outletId\":\"" + outletId + "\",\"pollutant\":\"" + pollutant + "\",\"hour\":\"" + hour
                + "\",\"value\":" + value + ",\"o2\":" + o2 + ",\"flow\":" + flow + ",\"flag\":\"" + flag + "\"}";
    }
}
