package cn.lantian.enforcement.disclosure;

import java.time.Instant;

/**
 * A closed case's outcome as disclosed: what was found about which enterprise, where, when, and how it ended. Officers'
 * names, findings notes, evidence and verification notes are never part of it.
 */
public record PublicOutcome(
        String caseId,
        String enterpriseId,
        String jurisdiction,
        String corpsUnit,
        String findingType,
        String ruleId,
        String ruleSource,
        String summary,
        Instant openedAt,
        Instant closedAt,
        String outcome) {}
