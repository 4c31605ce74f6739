package cn.lantian.dust.emergency;

import java.util.List;

/** One measure of an alert level, from {@code rules/emergency-measures.csv}. */
public record Measure(
        String level, String id, String measure, List<String> stopsPhases, String source, String status) {}
