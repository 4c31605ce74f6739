package cn.lantian.straw.firepoint;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one CSV row.
 *
 * @param line the row's line in the body (the header is line 1)
 * @param status accepted (a new incident), merged (joined an incident), skipped (kept out, with why) or rejected (bad)
 * @param incidentId the incident it opened or joined
 * @param reason why it was skipped or rejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowResult(int line, String status, String incidentId, String reason) {

    static RowResult accepted(int line, String incidentId) {
        return new RowResult(line, "accepted", incidentId, null);
    }

    static RowResult merged(int line, String incidentId) {
        return new RowResult(line, "merged", incidentId, null);
    }

    static RowResult skipped(int line, String reason) {
        return new RowResult(line, "skipped", null, reason);
    }

    static RowResult rejected(int line, String reason) {
        return new RowResult(line, "rejected", null, reason);
    }
}
