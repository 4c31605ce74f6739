package cn.lantian.enforcement.assessment;

import java.util.Map;

/**
 * What the assessment knows about one unit for a half year.
 *
 * @param targetStatuses indicator to latest status
 * @param eventCounts how many were reported: by event type, by {@link #ofRule} and by {@link #closedFrom}
 * @param casesClosedOnTime cases closed in the period by their deadline
 * @param casesLate cases closed late in the period, or still open past their deadline at its end
 */
public record UnitFacts(
        String unit,
        Map<String, String> targetStatuses,
        Map<String, Long> eventCounts,
        long casesClosedOnTime,
        long casesLate) {

    /** The count key of events of that type about a finding under that rule ({@code data.rule.id}). */
    public static String ofRule(String eventType, String ruleId) {
        return eventType + "#rule=" + ruleId;
    }

    /** The count key of cases opened by events of that type and closed in the period. */
    public static String closedFrom(String eventType) {
        return eventType + "#case-closed";
    }
}
