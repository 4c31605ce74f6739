package cn.lantian.enforcement.queue;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the work queue.
 *
 * @param seq its position, the cursor of the paginated list and the SSE id
 * @param kind case-opened, case-escalated, case-referred or referral-answered
 * @param units every unit it concerns
 * @param agencies every agency it concerns
 */
public record WorkItem(
        long seq,
        String caseId,
        String kind,
        List<String> units,
        List<String> agencies,
        String severity,
        String summary,
        Instant at) {}
