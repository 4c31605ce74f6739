package cn.lantian.stationary.monitoring;

import java.util.List;

/**
 * What an upload did: values stored, lines rejected with why, exceedances and escalations raised.
 */
public record IngestReport(int accepted, List<Rejection> rejected, int exceedances, int escalations) {
}
