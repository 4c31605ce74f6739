package cn.lantian.mobile.machinery;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The data of {@code lantian.mobile.machinery-violation.v1}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MachineryViolation(
        String violationId,
        String kind,
        String sightingId,
        String machineCode,
        String machineKind,
        String emissionStage,
        String site,
        Double ringelmann,
        String zoneId,
        String minStage,
        Location location,
        String at,
        RuleRef rule) {

    /** Where the machine was seen. */
    record Location(double lon, double lat) {}

    /** The rule broken, with its source and status. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RuleRef(String id, String source, String status, Double threshold, String unit) {}
}
