package cn.lantian.portal.upstream;

import java.time.Instant;
import java.util.List;

/**
 * A satellite fire-point incident as straw publishes it on its public map ({@code GET /api/public/v1/straw/incidents}):
 * place, times, satellites and the patrol's verdict; nothing about the people who patrolled.
 *
 * @param status open or handled
 * @param verdict burning-confirmed, false-alarm or industrial-source once handled
 * @param material straw, leaves or rubbish when burning is confirmed
 * @param duringAlert whether it was first detected while a heavy-pollution alert was in force in its county
 */
public record FireIncident(
        String id,
        double lon,
        double lat,
        String county,
        String corpsUnit,
        Instant firstDetectedAt,
        Instant lastDetectedAt,
        Integer detections,
        List<String> satellites,
        String status,
        String verdict,
        String material,
        boolean duringAlert) {}
