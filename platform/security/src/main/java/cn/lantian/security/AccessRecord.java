package cn.lantian.security;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One audited access: who, with which agencies, level and jurisdiction, did what to which resource, in which
 * jurisdiction, with what outcome and when; the data of event {@value #TYPE}.
 *
 * @param principal the caller's username, or the client id of an agency system
 * @param agencies the caller's agency roles
 * @param level prefecture, county or corps
 * @param callerJurisdiction the caller's own jurisdiction
 * @param action the HTTP method
 * @param resource the request path
 * @param targetJurisdiction the jurisdiction the request concerned, or null where it named none
 * @param outcome allowed, denied (401, 403, 429) or failed (any other error)
 * @param status the HTTP status answered
 * @param requestId the request id, to find the access-log line
 * @param at when the answer was given
 */
public record AccessRecord(
        String principal,
        List<String> agencies,
        String level,
        String callerJurisdiction,
        String action,
        String resource,
        String targetJurisdiction,
        String outcome,
        int status,
        String requestId,
        Instant at) {

    /** The contract type of an audit record. */
    public static final String TYPE = "lantian.audit.access-recorded.v1";

    private static final Pattern JURISDICTION = Pattern.compile("^([0-9]{6}|xpcc-[0-9a-z-]+|kedz)$");

    public AccessRecord {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }

    /** The record of a caller's request answered with that status. */
    public static AccessRecord of(
            Caller caller,
            String action,
            String resource,
            String targetJurisdiction,
            int status,
            String requestId,
            Instant at) {
        return new AccessRecord(
                caller.username(),
                caller.agencies().stream().sorted().toList(),
                caller.level(),
                caller.jurisdiction(),
                action,
                resource,
                targetJurisdiction,
                outcomeOf(status),
                status,
                requestId,
                at);
    }

    /** allowed for success and redirects, denied for 401, 403 and 429, failed for every other error. */
    public static String outcomeOf(int status) {
        if (status < 400) {
            return "allowed";
        }
        return status == 401 || status == 403 || status == 429 ? "denied" : "failed";
    }

    /** Where the record belongs: the jurisdiction concerned, else the caller's own, else the prefecture. */
    public String placedIn() {
        if (targetJurisdiction != null
                && JURISDICTION.matcher(targetJurisdiction).matches()) {
            return targetJurisdiction;
        }
        if (callerJurisdiction != null
                && JURISDICTION.matcher(callerJurisdiction).matches()) {
            return callerJurisdiction;
        }
        return cn.lantian.reference.Jurisdictions.PREFECTURE;
    }

    /** The agency the record is filed under: the caller's first agency role, or null without one. */
    public String agency() {
        return agencies.isEmpty() ? null : agencies.get(0);
    }
}
