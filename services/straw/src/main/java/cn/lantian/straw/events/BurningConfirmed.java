package cn.lantian.straw.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Data of {@code lantian.straw.burning-confirmed.v1}: open burning verified on the ground, which opens a case. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BurningConfirmed(
        String firePointId,
        Location location,
        String detectedAt,
        String verifiedAt,
        String material,
        String assignedTo,
        String alertId) {

    /** The type this record is the data of. */
    public static final String TYPE = "lantian.straw.burning-confirmed.v1";
}
