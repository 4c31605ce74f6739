package cn.lantian.stationary.permit;

import cn.lantian.stationary.events.Location;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Data of the permit events (issued, changed, renewed, revoked, expired, expiry warning). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PermitEvent(
        String permitNumber,
        String enterpriseId,
        String enterpriseName,
        String validFrom,
        String validUntil,
        Location location,
        String reason,
        Integer daysLeft) {}
