package cn.lantian.enforcement.routing;

import cn.lantian.reference.Placement;
import java.time.Instant;
import java.util.List;

/**
 * A case about to be opened from a finding.
 *
 * @param key the correlation key: one open case per key
 * @param placement where the subject lies (joint when a Corps unit inside a county)
 * @param notified other units whose boundary lies within the notice distance
 */
public record CaseDraft(
        String originEventId,
        String originType,
        String key,
        String subjectRef,
        String enterpriseId,
        String ruleId,
        String ruleSource,
        String summary,
        Placement placement,
        List<String> notified,
        String agency,
        String severity,
        Instant openedAt,
        Instant deadline) {

    public CaseDraft {
        notified = List.copyOf(notified);
    }
}
