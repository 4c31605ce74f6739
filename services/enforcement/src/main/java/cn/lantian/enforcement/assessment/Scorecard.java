package cn.lantian.enforcement.assessment;

import java.util.Map;

/**
 * One unit's standing for a half year.
 *
 * @param components each component's score 0-100, absent when the unit had no data for it
 * @param details what each component was computed from
 */
public record Scorecard(
        String unit,
        String period,
        double score,
        int rank,
        boolean flaggedForSupervision,
        Map<String, Double> components,
        Map<String, Object> details) {}
