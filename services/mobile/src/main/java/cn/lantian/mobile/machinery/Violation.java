package cn.lantian.mobile.machinery;

import java.time.Instant;

/**
 * A rule a sighting broke.
 *
 * @param kind black-smoke, unregistered or low-emission-zone
 * @param ruleStatus the rule's status (unconfirmed where its figure was not read in the standard)
 */
public record Violation(
        String id,
        String sightingId,
        String kind,
        String machineCode,
        Instant at,
        double lon,
        double lat,
        String jurisdiction,
        String corpsUnit,
        String zoneId,
        String ruleId,
        String ruleSource,
        String ruleStatus) {}
