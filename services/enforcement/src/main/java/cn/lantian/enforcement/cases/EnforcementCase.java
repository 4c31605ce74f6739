package cn.lantian.enforcement.cases;

import cn.lantian.reference.Placement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An enforcement case as stored.
 *
 * @param jurisdiction the county (or Corps unit where no county governs) where the subject lies
 * @param corpsUnit the Corps unit where the subject lies, or null; a case with both is joint
 * @param notified units near whose boundary the subject lies: they see the case
 * @param lead the unit currently responsible (changes when a referral between county and Corps is accepted)
 * @param agency the agency currently responsible
 * @param deadline when the current step is due (opening deadline, then the rectification deadline)
 */
public record EnforcementCase(
        String id,
        long seq,
        String originEventId,
        String originType,
        String correlationKey,
        String subjectRef,
        String enterpriseId,
        String ruleId,
        String ruleSource,
        String summary,
        String jurisdiction,
        String corpsUnit,
        List<String> notified,
        String lead,
        String agency,
        String severity,
        CaseStatus status,
        CaseStatus statusBeforeReferral,
        String referralAgency,
        String referralJurisdiction,
        String referralReason,
        String assignee,
        Instant inspectionAt,
        String findings,
        List<String> evidence,
        Instant deadline,
        int escalationLevel,
        String escalationKind,
        int occurrences,
        String publicOutcome,
        String internalNote,
        Instant openedAt,
        Instant closedAt,
        Boolean closedOnTime,
        Instant updatedAt) {

    /** Where the subject lies. */
    public Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }

    /** Whether a county and a Corps unit share it. */
    public boolean joint() {
        return placement().joint();
    }

    /** The units that act on the case: where it lies and who leads it. */
    public List<String> actingUnits() {
        List<String> units = new ArrayList<>(placement().visibleTo());
        if (!units.contains(lead)) {
            units.add(lead);
        }
        return units;
    }

    /** Everyone who sees it: the acting units, the notified ones and a pending referral's target. */
    public List<String> audience() {
        List<String> units = new ArrayList<>(actingUnits());
        notified.stream().filter(u -> !units.contains(u)).forEach(units::add);
        if (referralJurisdiction != null && !units.contains(referralJurisdiction)) {
            units.add(referralJurisdiction);
        }
        return units;
    }
}
