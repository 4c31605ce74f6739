package cn.lantian.enforcement.routing;

import java.util.List;

/**
 * One row of the routing table.
 *
 * @param type the contract event type it applies to
 * @param action {@code open} a case or {@code close} the open case with the same key
 * @param when an optional condition on a data field
 * @param agency the agency that handles the case (open only)
 * @param severity minor, major or critical (open only)
 * @param deadlineDays days from opening to the case's deadline (open only)
 * @param key template of the correlation key, e.g. {@code finding/{findingId}}
 * @param enterprise the data field naming the enterprise concerned, if any
 * @param summary template of the case summary or the closing outcome
 */
public record Route(
        String type,
        String action,
        Condition when,
        String agency,
        String severity,
        Integer deadlineDays,
        String key,
        String enterprise,
        String summary) {

    /** Whether the route opens a case (else it closes one). */
    public boolean opens() {
        return "open".equals(action);
    }

    /**
     * A condition: the data field's text is one of the values.
     */
    public record Condition(String field, List<String> in) {}
}
