package cn.lantian.enforcement.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A planned cross-enforcement campaign with its pairings and tasks.
 *
 * @param agency the agency whose officers carry it out
 */
public record Campaign(
        String id,
        String name,
        String agency,
        LocalDate startsOn,
        LocalDate endsOn,
        String createdBy,
        Instant createdAt,
        List<Pairing> pairings,
        List<Task> tasks) {

    /** The campaign as one participant sees it: only the pairings that pass the test, and only their tasks. */
    public Campaign onlyPairings(java.util.function.Predicate<Pairing> seen) {
        List<Pairing> mine = pairings.stream().filter(seen).toList();
        List<Task> theirs = tasks.stream()
                .filter(t -> mine.contains(new Pairing(t.team(), t.target())))
                .toList();
        return new Campaign(id, name, agency, startsOn, endsOn, createdBy, createdAt, mine, theirs);
    }

    /**
     * One case, or one registered enterprise without a case, that a team inspects.
     *
     * @param caseId the case, or null for a task from the permit registry
     * @param enterpriseId the registered enterprise of a registry task, or null for a case task
     * @param status pending or done
     * @param violation whether the team confirmed the violation (null while pending)
     */
    public record Task(
            String id,
            String caseId,
            String enterpriseId,
            String team,
            String target,
            String status,
            Boolean violation,
            String findings,
            List<String> evidence,
            String recordedBy,
            Instant recordedAt) {}
}
