package cn.lantian.enforcement.assessment;

import java.util.Map;

/**
 * What the assessment knows about one unit for a half year.
 *
 * @param targetStatuses indicator to latest status
 * @param eventCounts event type to how many were reported
 * @param casesClosedOnTime cases closed in the period by their deadline
 * @param casesLate cases closed late in the period, or still open past their deadline at its end
 */
public record UnitFacts(String unit, Map<String, String> targetStatuses, Map<String, Long> eventCounts,
        long casesClosedOnTime, long casesLate) {
}
