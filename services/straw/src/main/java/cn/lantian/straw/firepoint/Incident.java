package cn.lantian.straw.firepoint;

import cn.lantian.reference.Placement;
import java.time.Instant;
import java.util.List;

/**
 * A burning fire as the service keeps it: merged satellite detections, its place, its assignment and, once a patrol
 * verified it, the verdict.
 *
 * @param assignedTo the township or regiment that patrols it
 * @param alertId the alert in force in its county when it was first detected, if any
 * @param responseMinutes minutes from first detection to verification
 */
public record Incident(
        String id,
        double lon,
        double lat,
        Instant firstAt,
        Instant lastAt,
        int detections,
        List<String> satellites,
        String confidence,
        Double maxFrpMw,
        String jurisdiction,
        String corpsUnit,
        String assignedTo,
        Instant assignedAt,
        String alertId,
        String status,
        String verdict,
        String material,
        Instant handledAt,
        Integer responseMinutes,
        String note) {

    /** Where it lies. */
    public Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }
}
