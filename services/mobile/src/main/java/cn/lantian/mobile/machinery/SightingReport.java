package cn.lantian.mobile.machinery;

import java.util.List;

/** What a sighting found: the machine (if registered), the zone it was in (if any) and the violations. */
public record SightingReport(String sightingId, String machineCode, String zoneId, List<Violation> violations) {}
