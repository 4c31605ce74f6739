package cn.lantian.stationary.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * What an upload did: values stored, lines rejected with why, exceedances and escalations raised, and the stored
 * values of outlets that no permit covered at their hour (judged against no limit).
 */
public record IngestReport(
        int accepted, List<Rejection> rejected, int exceedances, int escalations, List<Unpermitted> unpermitted) {

    /** A stored value whose outlet had no valid permit at its hour. */
    public record Unpermitted(int line, String outletId, String pollutant, Instant hour) {}
}
