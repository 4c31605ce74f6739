package cn.lantian.stationary.rules;

import java.time.Instant;

/** A rule found a facility out of line; open while {@code resolvedAt} is null. */
public record Finding(
        String id,
        String ruleId,
        String facilityId,
        String facilityKind,
        String enterpriseId,
        String jurisdiction,
        String corpsUnit,
        String summary,
        Instant raisedAt,
        Instant resolvedAt,
        String resolution) {}
