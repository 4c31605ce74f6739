package cn.lantian.portal.upstream;

import java.time.Instant;

/**
 * A closed enforcement case's outcome as enforcement publishes it ({@code GET /api/public/v1/cases}, example in the
 * event contract's {@code public-api/enforcement-cases.example.json}). Open cases are never read into this.
 *
 * @param findingType the event type of the finding that opened the case
 * @param ruleSource the regulation the rule rests on
 */
public record ClosedCase(
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
