package cn.lantian.mobile.sensing;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The data of {@code lantian.mobile.vehicle-emission-exceeded.v1}: the reading that made the vehicle a failure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VehicleEmissionExceeded(
        String plate,
        String vehicleClass,
        String emissionStandard,
        String check,
        String pollutant,
        double value,
        double limit,
        Location location,
        String at,
        String rule,
        String ruleSource,
        String ruleStatus,
        int failuresInWindow) {

    /** Where the reading was taken. */
    record Location(double lon, double lat) {}
}
