package cn.lantian.enforcement.cases;

import static cn.lantian.enforcement.cases.Action.*;
import static cn.lantian.enforcement.cases.CaseStatus.*;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The case state machine: which action is allowed in which state and where it leads. A referral's answer leads back
 * (refused: the state before the referral) or to {@code opened} with the receiving unit (accepted).
 */
public final class Lifecycle {

    private static final Map<CaseStatus, Map<Action, CaseStatus>> TABLE = new EnumMap<>(CaseStatus.class);

    static {
        allow(OPENED, ASSIGN, ASSIGNED);
        allow(OPENED, RECORD_CAMPAIGN_INSPECTION, INSPECTED);
        allow(OPENED, ESCALATE, ESCALATED);
        allow(OPENED, REFER, REFERRED);
        allow(OPENED, RESOLVE, CLOSED);

        allow(ASSIGNED, ASSIGN, ASSIGNED);
        allow(ASSIGNED, SCHEDULE_INSPECTION, INSPECTION_SCHEDULED);
        allow(ASSIGNED, RECORD_CAMPAIGN_INSPECTION, INSPECTED);
        allow(ASSIGNED, ESCALATE, ESCALATED);
        allow(ASSIGNED, REFER, REFERRED);
        allow(ASSIGNED, RESOLVE, CLOSED);

        allow(INSPECTION_SCHEDULED, SCHEDULE_INSPECTION, INSPECTION_SCHEDULED);
        allow(INSPECTION_SCHEDULED, RECORD_INSPECTION, INSPECTED);
        allow(INSPECTION_SCHEDULED, RECORD_CAMPAIGN_INSPECTION, INSPECTED);
        allow(INSPECTION_SCHEDULED, ESCALATE, ESCALATED);
        allow(INSPECTION_SCHEDULED, RESOLVE, CLOSED);

        allow(INSPECTED, ORDER_RECTIFICATION, RECTIFICATION_ORDERED);
        allow(INSPECTED, CLOSE, CLOSED);
        allow(INSPECTED, ESCALATE, ESCALATED);
        allow(INSPECTED, RESOLVE, CLOSED);

        allow(RECTIFICATION_ORDERED, CLOSE, CLOSED);
        allow(RECTIFICATION_ORDERED, ESCALATE, ESCALATED);
        allow(RECTIFICATION_ORDERED, RESOLVE, CLOSED);

        allow(ESCALATED, ASSIGN, ASSIGNED);
        allow(ESCALATED, SCHEDULE_INSPECTION, INSPECTION_SCHEDULED);
        allow(ESCALATED, RECORD_CAMPAIGN_INSPECTION, INSPECTED);
        allow(ESCALATED, ORDER_RECTIFICATION, RECTIFICATION_ORDERED);
        allow(ESCALATED, ESCALATE, ESCALATED);
        allow(ESCALATED, CLOSE, CLOSED);
        allow(ESCALATED, RESOLVE, CLOSED);

        // The target of a referral answers it; the answer's destination is decided by the workflow.
        allow(REFERRED, ACCEPT_REFERRAL, OPENED);
        allow(REFERRED, REFUSE_REFERRAL, OPENED);
        allow(REFERRED, RESOLVE, CLOSED);

        TABLE.put(CLOSED, new LinkedHashMap<>());
    }

    private Lifecycle() {}

    private static void allow(CaseStatus from, Action action, CaseStatus to) {
        TABLE.computeIfAbsent(from, s -> new LinkedHashMap<>()).put(action, to);
    }

    /** Where the action leads from that state, or empty when it is not allowed there. */
    public static Optional<CaseStatus> next(CaseStatus from, Action action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }

    /** The actions allowed in that state, in a stable order (for error messages). */
    public static List<Action> allowed(CaseStatus from) {
        return List.copyOf(TABLE.getOrDefault(from, Map.of()).keySet());
    }

    /** Whether the case is finished. */
    public static boolean terminal(CaseStatus status) {
        return allowed(status).isEmpty();
    }
}
