package cn.lantian.chaos;

import java.util.Locale;

/**
 * One line of the fault suite's table.
 *
 * @param name the case
 * @param sent distinct events published (each confirmed by the broker at least once)
 * @param owner distinct events with their enforcement case (the owner's table)
 * @param indexed distinct events in the joint index (document id = event id)
 * @param duplicated cases opened twice for one event, plus case-opened events beyond one per case
 * @param recoverSeconds from the end of the fault until every sent event was in both places; negative if never
 */
record Row(String name, long sent, long owner, long indexed, long duplicated, double recoverSeconds) {

    static final String HEADER = String.format(
            Locale.ROOT, "%-44s %7s %8s %8s %6s %6s %10s", "case", "sent", "owner", "index", "lost", "dup", "recover");

    static Row of(String name, long sent, Tally.Counts counts, double recoverSeconds) {
        long duplicated = Math.max(0, counts.cases() - counts.casedEnterprises())
                + Math.max(0, counts.caseOpened() - counts.cases());
        return new Row(name, sent, counts.casedEnterprises(), counts.indexed(), duplicated, recoverSeconds);
    }

    /** Sent events missing from the owner's table or from the joint index. */
    long lost() {
        return Math.max(0, sent - Math.min(owner, indexed));
    }

    boolean passed() {
        return lost() == 0 && duplicated == 0 && recoverSeconds >= 0;
    }

    String format() {
        return String.format(
                Locale.ROOT,
                "%-44s %7d %8d %8d %6d %6d %10s",
                name,
                sent,
                owner,
                indexed,
                lost(),
                duplicated,
                recoverSeconds < 0 ? "never" : String.format(Locale.ROOT, "%.1f s", recoverSeconds));
    }
}
