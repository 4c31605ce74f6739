package cn.lantian.portal.upstream;

import java.time.Instant;
import java.util.List;

/**
 * A fire-point incident as straw discloses it: place, detection times, satellites, status and verdict.
 *
 * @param verdict burning-confirmed, false-alarm or industrial-source; null until a patrol has judged it
 */
public record FireIncident(
        String id,
        String county,
        String corpsUnit,
        double longitude,
        double latitude,
        Instant firstDetectedAt,
        Instant lastDetectedAt,
        Integer detections,
        List<String> satellites,
        String status,
        String verdict,
        String material,
        boolean duringAlert) {}
