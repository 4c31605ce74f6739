package cn.lantian.portal.upstream;

import java.time.Instant;
import java.util.List;

/** A heavy-pollution alert: level, where, since when, until when (null while in force), basis and measures. */
public record Alert(String id, String county, String level, Instant effectiveFrom, Instant endedAt, String basis,
        List<String> measures, boolean active) {
}
