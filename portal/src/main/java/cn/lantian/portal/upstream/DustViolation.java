package cn.lantian.portal.upstream;

import java.time.Instant;

/** A confirmed violation at a construction site, as dust discloses it (kind and measure in dust's words). */
public record DustViolation(
        String id, String siteId, String project, String county, String kind, String measure, Instant at) {}
