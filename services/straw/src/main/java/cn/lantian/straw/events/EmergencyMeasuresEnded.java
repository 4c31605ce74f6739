package cn.lantian.straw.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Data of {@code lantian.straw.emergency-measures-ended.v1}: an alert's lifting or change of level ended the straw
 * domain's measures of a level in a county.
 *
 * @param reason lifted or level-changed
 * @param newLevel the level now in force, for level-changed
 * @param measures the measures that ended
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmergencyMeasuresEnded(
        String county,
        String alertId,
        String level,
        String reason,
        String newLevel,
        String endedAt,
        List<String> measures) {

    /** The type this record is the data of. */
    public static final String TYPE = "lantian.straw.emergency-measures-ended.v1";
}
