package cn.lantian.straw.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code lantian.straw.fire-point-handled.v1}: the patrol's verdict on an incident; {@code outcome} is the
 * readable text the v1 consumers show, the optional fields the machine-readable verdict.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FirePointHandled(
        String firePointId,
        String handledAt,
        String outcome,
        String verdict,
        String material,
        Integer responseMinutes,
        String assignedTo,
        String alertId) {

    /** The type this record is the data of. */
    public static final String TYPE = "lantian.straw.fire-point-handled.v1";
}
