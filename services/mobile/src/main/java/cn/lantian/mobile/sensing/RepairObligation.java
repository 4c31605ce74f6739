package cn.lantian.mobile.sensing;

import java.time.Instant;

/** A vehicle that must be repaired after failing for a pollutant; closed by a passing retest after repair. */
public record RepairObligation(
        String id,
        String vehicleId,
        String plate,
        String pollutant,
        Instant failedAt,
        String home,
        String status,
        Instant closedAt) {}
