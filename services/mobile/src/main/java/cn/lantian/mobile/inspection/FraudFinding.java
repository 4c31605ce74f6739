package cn.lantian.mobile.inspection;

import java.time.Instant;
import java.util.List;

/**
 * A stored fraud finding.
 *
 * @param status suspected, confirmed or dismissed
 * @param unit where the station lies
 */
public record FraudFinding(
        String id,
        String signal,
        String stationId,
        List<String> testIds,
        List<String> plates,
        String summary,
        Instant detectedAt,
        String status,
        Instant decidedAt,
        String decidedBy,
        String decisionNote,
        String unit) {}
