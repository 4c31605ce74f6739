package cn.lantian.straw.events;

import java.util.List;

/** Data of {@code lantian.straw.emergency-measures-activated.v1}: an alert put the straw domain's measures in force in a county. */
public record EmergencyMeasuresActivated(
        String county, String alertId, String level, String effectiveFrom, List<String> measures) {

    /** The type this record is the data of. */
    public static final String TYPE = "lantian.straw.emergency-measures-activated.v1";
}
