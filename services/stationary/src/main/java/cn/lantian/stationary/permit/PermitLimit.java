package cn.lantian.stationary.permit;

/**
 * What one outlet may emit of one pollutant.
 *
 * @param limitMgM3 hourly concentration limit in mg/m3 at the outlet's reference oxygen
 * @param yearlyT permitted yearly amount in tonnes, or null
 */
public record PermitLimit(String outletId, String pollutant, Double limitMgM3, Double yearlyT) {
}
