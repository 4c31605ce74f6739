package cn.lantian.straw.alert;

import java.time.Instant;

/** An alert's measures in force in one county, from {@code effectiveFrom} until {@code endedAt} (null while in force). */
public record Activation(String alertId, String county, String level, Instant effectiveFrom, Instant endedAt) {

    /** Whether the measures were in force at that instant. */
    public boolean inForceAt(Instant at) {
        return !at.isBefore(effectiveFrom) && (endedAt == null || at.isBefore(endedAt));
    }
}
