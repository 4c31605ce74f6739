package cn.lantian.stationary.permit;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;

/**
 * What one outlet may emit of one pollutant.
 *
 * @param limitMgM3 hourly concentration limit in mg/m3 at the outlet's reference oxygen
 * @param yearlyT permitted yearly amount in tonnes, or null
 */
public record PermitLimit(
        @Size(max = TextLength.ID) String outletId,
        @Size(max = TextLength.CODE) String pollutant,
        Double limitMgM3,
        Double yearlyT) {}
