package cn.lantian.stationary.permit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A pollutant-discharge permit (排污许可证) and its per-outlet limits.
 *
 * @param status valid, revoked or expired
 */
public record Permit(
        String number,
        String enterpriseId,
        LocalDate validFrom,
        LocalDate validUntil,
        String status,
        List<PermitLimit> limits,
        int version,
        Instant updatedAt,
        String updatedBy) {}
