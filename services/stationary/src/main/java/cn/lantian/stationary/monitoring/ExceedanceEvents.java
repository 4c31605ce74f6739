package cn.lantian.stationary.monitoring;

import cn.lantian.stationary.events.Location;
import cn.lantian.stationary.events.RuleReference;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Data of the CEMS events. */
final class ExceedanceEvents {

    private ExceedanceEvents() {}

    /** Data of {@code emission-limit-exceeded.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Exceeded(
            String enterpriseId,
            String outletId,
            String pollutant,
            String hour,
            double value,
            double limit,
            double ratio,
            String unit,
            Double referenceO2,
            int consecutiveHours,
            Location location,
            RuleReference rule) {}

    /** Data of {@code emission-exceedance-escalated.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Escalated(
            String enterpriseId,
            String outletId,
            String pollutant,
            String from,
            String to,
            int hours,
            double maxRatio,
            Location location) {}

    /** Data of {@code monitoring-data-gap.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Gap(String enterpriseId, String outletId, String pollutant, String lastValidHour, int hoursWithoutData) {}
}
