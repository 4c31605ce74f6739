package cn.lantian.portal.upstream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * A heavy-pollution alert: level, where, since when, until when (null while in force), basis, measures, whether it is
 * a drill's, and its level history (issued, upgraded, downgraded, lifted), oldest step first.
 */
public record Alert(
        String id,
        String county,
        String level,
        Instant effectiveFrom,
        Instant endedAt,
        String basis,
        List<String> measures,
        boolean active,
        // An exercise's alert (./lantian drill): marked on the pages, left out of the open data, which is the record.
        @JsonIgnore boolean drill,
        // For the pages only: the open-data alerts dataset and its documented schema do not carry the history.
        @JsonIgnore List<Step> history) {

    /** One change of the alert: what happened, the level after it and before it, and when. */
    public record Step(String action, String level, String previousLevel, Instant at) {}
}
