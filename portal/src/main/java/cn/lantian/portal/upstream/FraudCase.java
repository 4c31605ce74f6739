package cn.lantian.portal.upstream;

import java.time.Instant;
import java.util.List;

/**
 * An inspection fraud case an officer confirmed, as mobile discloses it: plates already masked by mobile (新Q·****4).
 *
 * @param signal the rule that raised it (mobile's code)
 */
public record FraudCase(
        String id,
        String signal,
        String stationId,
        String stationName,
        String unit,
        Instant detectedAt,
        Instant confirmedAt,
        String summary,
        List<String> plates) {}
