package cn.lantian.enforcement.cases;

import java.time.Instant;
import java.util.List;

/** A case as officers see it, with its history and what may be done next. */
public record CaseView(
        String id,
        String status,
        String summary,
        String severity,
        String agency,
        String jurisdiction,
        String corpsUnit,
        boolean joint,
        List<String> notified,
        String lead,
        String originType,
        String originEventId,
        String subjectRef,
        String enterpriseId,
        String ruleId,
        String ruleSource,
        String assignee,
        Instant inspectionAt,
        String findings,
        List<String> evidence,
        Instant deadline,
        String escalationKind,
        int occurrences,
        Referral referral,
        String publicOutcome,
        String internalNote,
        Instant openedAt,
        Instant closedAt,
        Boolean closedOnTime,
        List<String> allowedTransitions,
        List<Cases.HistoryLine> history) {

    /** A pending referral. */
    public record Referral(String toAgency, String toJurisdiction, String reason) {}

    static CaseView of(EnforcementCase c, List<Cases.HistoryLine> history) {
        Referral referral = c.status() == CaseStatus.REFERRED
                ? new Referral(c.referralAgency(), c.referralJurisdiction(), c.referralReason())
                : null;
        return new CaseView(
                c.id(),
                c.status().wire(),
                c.summary(),
                c.severity(),
                c.agency(),
                c.jurisdiction(),
                c.corpsUnit(),
                c.joint(),
                c.notified(),
                c.lead(),
                c.originType(),
                c.originEventId(),
                c.subjectRef(),
                c.enterpriseId(),
                c.ruleId(),
                c.ruleSource(),
                c.assignee(),
                c.inspectionAt(),
                c.findings(),
                c.evidence(),
                c.deadline(),
                c.escalationKind(),
                c.occurrences(),
                referral,
                c.publicOutcome(),
                c.internalNote(),
                c.openedAt(),
                c.closedAt(),
                c.closedOnTime(),
                Lifecycle.allowed(c.status()).stream()
                        .filter(a -> a != Action.RESOLVE && a != Action.RECORD_CAMPAIGN_INSPECTION)
                        .map(Action::wire)
                        .toList(),
                history);
    }
}
