package cn.lantian.mobile.inspection;

import java.util.List;

/** The data of {@code lantian.mobile.inspection-fraud-suspected.v1}. */
record InspectionFraudSuspected(
        String findingId,
        String signal,
        String stationId,
        String stationName,
        List<String> testIds,
        List<String> plates,
        String summary,
        String detectedAt,
        String rule,
        String ruleSource,
        String ruleStatus) {}
