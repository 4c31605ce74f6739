package cn.lantian.straw.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Data of {@code lantian.straw.fire-point-detected.v1}: a new incident, with the satellite detections merged into it
 * (optional fields the schema allows: {@code detections}, {@code alertId} where an alert was in force).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FirePointDetected(
        String firePointId,
        Location location,
        String acquiredAt,
        String source,
        String confidence,
        Double frpMw,
        List<SourceDetection> detections,
        String alertId) {

    /** The type this record is the data of. */
    public static final String TYPE = "lantian.straw.fire-point-detected.v1";
}
