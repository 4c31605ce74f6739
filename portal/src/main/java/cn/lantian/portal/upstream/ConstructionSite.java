package cn.lantian.portal.upstream;

import java.time.Instant;

/**
 * A construction site as dust discloses it: place, phase, status, its monitors' state and newest hourly PM10.
 *
 * @param monitorStatus monitored, missing, silent or not-required (dust's words)
 * @param latestPm10 µg/m³, null when no monitor has reported
 */
public record ConstructionSite(
        String id,
        String project,
        String builderName,
        Double areaM2,
        String phase,
        String status,
        String county,
        String corpsUnit,
        double longitude,
        double latitude,
        String monitorStatus,
        Double latestPm10,
        Instant latestHour) {}
