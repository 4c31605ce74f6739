package cn.lantian.chaos;

import java.time.Instant;
import java.util.Locale;

/**
 * The load: CEMS exceedance events as the stationary service publishes them, one per enterprise of the run
 * ({@code chaos-<run>-<n>}), so that each must become exactly one enforcement case and one document in the joint index.
 */
final class Exceedances {

    static final String TYPE = "lantian.stationary.emission-limit-exceeded.v1";
    static final String EXCHANGE = "lantian.stationary";

    /** Points inside several counties and Tumxuk, so that routing and boundary checks do their real work. */
    private static final double[][] POINTS = {
        {75.99, 39.47}, {75.95, 39.41}, {76.35, 39.19}, {77.24, 38.41}, {78.86, 39.58},
        {79.08, 39.87}, {77.22, 36.98}, {78.23, 38.84}, {76.98, 39.11}, {77.22, 39.59}
    };

    private Exceedances() {}

    /** The enterprise of the run's n-th event; its id is the same, so a replay keeps it. */
    static String enterprise(String run, int n) {
        return "chaos-" + run + "-" + n;
    }

    /** The event id of the run's n-th event (stable: a re-publish is the same event). */
    static String id(String run, int n) {
        return enterprise(run, n);
    }

    static String event(String run, int n) {
        double[] p = POINTS[n % POINTS.length];
        String enterprise = enterprise(run, n);
        return String.format(
                Locale.ROOT,
                """
                {"specversion":"1.0","id":"%s","source":"/lantian/stationary","type":"%s","subject":"outlet/%s/DA001",\
                "time":"%s","datacontenttype":"application/json","jurisdiction":"653101","agency":"ecology",\
                "data":{"enterpriseId":"%s","outletId":"DA001","pollutant":"NOx","hour":"2024-11-12T08:00:00+08:00",\
                "value":72.4,"limit":50,"ratio":1.448,"unit":"mg/m3","location":{"lon":%.5f,"lat":%.5f},\
                "rule":{"id":"permit-nox","source":"排污许可证"}}}""",
                id(run, n),
                TYPE,
                enterprise,
                Instant.now(),
                enterprise,
                p[0] + (n % 97) * 0.0001,
                p[1] + (n % 89) * 0.0001);
    }

    /** A message no consumer can accept: it breaks the contract (no type, no data). */
    static String poison(String run, int n) {
        return "{\"specversion\":\"1.0\",\"id\":\"poison-" + run + "-" + n + "\",\"source\":\"/lantian/chaos\"}";
    }
}
