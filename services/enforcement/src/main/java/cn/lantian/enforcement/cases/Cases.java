package cn.lantian.enforcement.cases;

import cn.lantian.enforcement.bulk.ColumnArrays;
import cn.lantian.enforcement.routing.CaseDraft;
import io.r2dbc.spi.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The case table. */
@Repository
public class Cases {

    private static final String SEVERITY_ORDER = "array['minor','major','critical']";

    private final DatabaseClient db;

    public Cases(DatabaseClient db) {
        this.db = db;
    }

    /** What an opening did: a new case, or one more occurrence on the open case with the same key. */
    public record Upsert(String id, boolean inserted) {}

    /**
     * Opens the case, or when a case with the same key is still open, counts one more occurrence on it and keeps the
     * stronger severity.
     */
    public Mono<Upsert> open(CaseDraft d) {
        String id = "case-" + UUID.randomUUID();
        return db.sql("insert into enforcement_case (id, origin_event_id, origin_type, correlation_key, subject_ref, "
                        + "enterprise_id, rule_id, rule_source, summary, jurisdiction, corps_unit, notified, lead, agency, "
                        + "severity, status, deadline, opened_at, updated_at) values (:id, :origin, :type, :key, :subject, "
                        + ":enterprise, :ruleId, :ruleSource, :summary, :jurisdiction, :corps, :notified, :jurisdiction, "
                        + ":agency, :severity, 'opened', :deadline, :at, :at) "
                        + "on conflict (correlation_key) where status <> 'closed' do update set "
                        + "occurrences = enforcement_case.occurrences + 1, updated_at = excluded.updated_at, "
                        + "severity = case when array_position(" + SEVERITY_ORDER
                        + ", excluded.severity) > array_position("
                        + SEVERITY_ORDER
                        + ", enforcement_case.severity) then excluded.severity else enforcement_case.severity end "
                        + "returning id, (xmax = 0) as inserted")
                .bind("id", id)
                .bind("origin", d.originEventId())
                .bind("type", d.originType())
                .bind("key", d.key())
                .bind("subject", nullable(d.subjectRef()))
                .bind("enterprise", nullable(d.enterpriseId()))
                .bind("ruleId", nullable(d.ruleId()))
                .bind("ruleSource", nullable(d.ruleSource()))
                .bind("summary", d.summary())
                .bind("jurisdiction", d.placement().jurisdiction())
                .bind("corps", nullable(d.placement().corpsUnit()))
                .bind("notified", d.notified().toArray(String[]::new))
                .bind("agency", d.agency())
                .bind("severity", d.severity())
                .bind("deadline", at(d.deadline()))
                .bind("at", at(d.openedAt()))
                .map((r, m) ->
                        new Upsert(r.get("id", String.class), Boolean.TRUE.equals(r.get("inserted", Boolean.class))))
                .one();
    }

    /** What a bulk opening did for one draft, found again by its correlation key. */
    public record KeyedUpsert(String key, String id, boolean inserted) {}

    /**
     * The bulk form of {@link #open}, one statement for all drafts, in their order (callers sort them by key so that
     * concurrent batches lock keys in the same order).
     *
     * @param drafts drafts with pairwise different keys: one statement cannot both insert and update the same case
     */
    public Flux<KeyedUpsert> openAll(List<CaseDraft> drafts) {
        if (drafts.isEmpty()) {
            return Flux.empty();
        }
        List<String[]> rows = drafts.stream()
                .map(d -> new String[] {
                    "case-" + UUID.randomUUID(),
                    d.originEventId(),
                    d.originType(),
                    d.key(),
                    d.subjectRef(),
                    d.enterpriseId(),
                    d.ruleId(),
                    d.ruleSource(),
                    d.summary(),
                    d.placement().jurisdiction(),
                    d.placement().corpsUnit(),
                    String.join(",", d.notified()),
                    d.agency(),
                    d.severity(),
                    text(d.deadline()),
                    text(d.openedAt())
                })
                .toList();
        ColumnArrays columns = ColumnArrays.of(rows);
        // Unit ids never contain a comma: the notified list travels as one joined text.
        return columns.bind(db.sql("insert into enforcement_case (id, origin_event_id, origin_type, correlation_key, "
                        + "subject_ref, enterprise_id, rule_id, rule_source, summary, jurisdiction, corps_unit, notified, "
                        + "lead, agency, severity, status, deadline, opened_at, updated_at) "
                        + "select id, origin, type, key, subject, enterprise, rule_id, rule_source, summary, jurisdiction, "
                        + "corps, string_to_array(notified, ','), jurisdiction, agency, severity, 'opened', "
                        + "deadline::timestamptz, opened::timestamptz, opened::timestamptz "
                        + "from " + columns.unnest() + " as t(id, origin, type, key, subject, enterprise, "
                        + "rule_id, rule_source, summary, jurisdiction, corps, notified, agency, severity, deadline, opened) "
                        + "on conflict (correlation_key) where status <> 'closed' do update set "
                        + "occurrences = enforcement_case.occurrences + 1, updated_at = excluded.updated_at, "
                        + "severity = case when array_position(" + SEVERITY_ORDER
                        + ", excluded.severity) > array_position("
                        + SEVERITY_ORDER
                        + ", enforcement_case.severity) then excluded.severity else enforcement_case.severity end "
                        + "returning correlation_key, id, (xmax = 0) as inserted"))
                .map((r, m) -> new KeyedUpsert(
                        r.get("correlation_key", String.class),
                        r.get("id", String.class),
                        Boolean.TRUE.equals(r.get("inserted", Boolean.class))))
                .all();
    }

    /** One line of history to append in bulk. */
    public record HistoryEntry(
            String caseId, String action, CaseStatus from, CaseStatus to, String actor, String note, Instant at) {}

    /** The bulk form of {@link #history}: appends the lines with one statement, in their order. */
    public Mono<Void> historyAll(List<HistoryEntry> lines) {
        if (lines.isEmpty()) {
            return Mono.empty();
        }
        ColumnArrays columns = ColumnArrays.of(lines.stream()
                .map(h -> new String[] {
                    h.caseId(),
                    h.action(),
                    h.from() == null ? null : h.from().wire(),
                    h.to().wire(),
                    h.actor(),
                    h.note(),
                    text(h.at())
                })
                .toList());
        return columns.bind(
                        db.sql("insert into case_history (case_id, action, from_status, to_status, actor, note, at) "
                                + "select case_id, action, from_status, to_status, actor, note, at::timestamptz from "
                                + columns.unnest() + " as t(case_id, action, from_status, to_status, actor, note, at)"))
                .fetch()
                .rowsUpdated()
                .then();
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    /** The case, locked for the rest of the transaction. */
    public Mono<EnforcementCase> lock(String id) {
        return db.sql("select * from enforcement_case where id = :id for update")
                .bind("id", id)
                .map((r, m) -> read(r))
                .one();
    }

    /** The open case with that correlation key, locked. */
    public Mono<EnforcementCase> lockOpenByKey(String key) {
        return db.sql("select * from enforcement_case where correlation_key = :key and status <> 'closed' for update")
                .bind("key", key)
                .map((r, m) -> read(r))
                .one();
    }

    public Mono<EnforcementCase> find(String id) {
        return db.sql("select * from enforcement_case where id = :id")
                .bind("id", id)
                .map((r, m) -> read(r))
                .one();
    }

    /**
     * A page of cases ordered by opening sequence; {@code units}/{@code agencies} null means no filter (prefecture).
     */
    public Flux<EnforcementCase> page(List<String> units, List<String> agencies, String status, long after, int limit) {
        StringBuilder sql = new StringBuilder("select * from enforcement_case where seq > :after");
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units) or lead = any(:units) "
                    + "or notified && :units or referral_jurisdiction = any(:units))");
        }
        if (agencies != null) {
            sql.append(" and (agency = any(:agencies) or referral_agency = any(:agencies))");
        }
        if (status != null) {
            sql.append(" and status = :status");
        }
        sql.append(" order by seq limit :limit");
        DatabaseClient.GenericExecuteSpec spec =
                db.sql(sql.toString()).bind("after", after).bind("limit", limit);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        if (agencies != null) {
            spec = spec.bind("agencies", agencies.toArray(String[]::new));
        }
        if (status != null) {
            spec = spec.bind("status", status);
        }
        return spec.map((r, m) -> read(r)).all();
    }

    /** Closed cases about enterprises, for public disclosure. */
    public Flux<EnforcementCase> closedWithEnterprise(String enterprise, long after, int limit) {
        String sql =
                "select * from enforcement_case where status = 'closed' and enterprise_id is not null and seq > :after"
                        + (enterprise == null ? "" : " and enterprise_id = :enterprise") + " order by seq limit :limit";
        DatabaseClient.GenericExecuteSpec spec =
                db.sql(sql).bind("after", after).bind("limit", limit);
        if (enterprise != null) {
            spec = spec.bind("enterprise", enterprise);
        }
        return spec.map((r, m) -> read(r)).all();
    }

    /** Open cases whose deadline has passed, oldest first, locked and skipped by concurrent escalators. */
    public Flux<EnforcementCase> lockOverdue(Instant now, int limit) {
        return db.sql("select * from enforcement_case where status not in ('closed', 'referred') and deadline < :now "
                        + "order by deadline limit :limit for update skip locked")
                .bind("now", at(now))
                .bind("limit", limit)
                .map((r, m) -> read(r))
                .all();
    }

    /** Writes every mutable field of the case back. */
    public Mono<Void> save(EnforcementCase c) {
        return db.sql(
                        "update enforcement_case set lead = :lead, agency = :agency, severity = :severity, status = :status, "
                                + "status_before_referral = :before, referral_agency = :refAgency, referral_jurisdiction = :refJur, "
                                + "referral_reason = :refReason, assignee = :assignee, inspection_at = :inspectionAt, "
                                + "findings = :findings, evidence = :evidence, deadline = :deadline, escalation_level = :level, "
                                + "escalation_kind = :kind, public_outcome = :outcome, internal_note = :note, closed_at = :closedAt, "
                                + "closed_on_time = :onTime, updated_at = :updatedAt where id = :id")
                .bind("id", c.id())
                .bind("lead", c.lead())
                .bind("agency", c.agency())
                .bind("severity", c.severity())
                .bind("status", c.status().wire())
                .bind(
                        "before",
                        nullable(
                                c.statusBeforeReferral() == null
                                        ? null
                                        : c.statusBeforeReferral().wire()))
                .bind("refAgency", nullable(c.referralAgency()))
                .bind("refJur", nullable(c.referralJurisdiction()))
                .bind("refReason", nullable(c.referralReason()))
                .bind("assignee", nullable(c.assignee()))
                .bind("inspectionAt", at(c.inspectionAt()))
                .bind("findings", nullable(c.findings()))
                .bind("evidence", c.evidence().toArray(String[]::new))
                .bind("deadline", at(c.deadline()))
                .bind("level", c.escalationLevel())
                .bind("kind", nullable(c.escalationKind()))
                .bind("outcome", nullable(c.publicOutcome()))
                .bind("note", nullable(c.internalNote()))
                .bind("closedAt", at(c.closedAt()))
                .bind(
                        "onTime",
                        c.closedOnTime() == null
                                ? org.springframework.r2dbc.core.Parameter.empty(Boolean.class)
                                : org.springframework.r2dbc.core.Parameter.from(c.closedOnTime()))
                .bind("updatedAt", at(c.updatedAt()))
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Appends one line to the case's history. */
    public Mono<Void> history(
            String caseId, String action, CaseStatus from, CaseStatus to, String actor, String note, Instant at) {
        return db.sql("insert into case_history (case_id, action, from_status, to_status, actor, note, at) "
                        + "values (:case, :action, :from, :to, :actor, :note, :at)")
                .bind("case", caseId)
                .bind("action", action)
                .bind("from", nullable(from == null ? null : from.wire()))
                .bind("to", to.wire())
                .bind("actor", actor)
                .bind("note", nullable(note))
                .bind("at", at(at))
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** One line of a case's history. */
    public record HistoryLine(String action, String from, String to, String actor, String note, Instant at) {}

    public Flux<HistoryLine> historyOf(String caseId) {
        return db.sql("select * from case_history where case_id = :case order by seq")
                .bind("case", caseId)
                .map((r, m) -> new HistoryLine(
                        r.get("action", String.class),
                        r.get("from_status", String.class),
                        r.get("to_status", String.class),
                        r.get("actor", String.class),
                        r.get("note", String.class),
                        instant(r, "at")))
                .all();
    }

    static EnforcementCase read(Row r) {
        String before = r.get("status_before_referral", String.class);
        return new EnforcementCase(
                r.get("id", String.class),
                r.get("seq", Long.class),
                r.get("origin_event_id", String.class),
                r.get("origin_type", String.class),
                r.get("correlation_key", String.class),
                r.get("subject_ref", String.class),
                r.get("enterprise_id", String.class),
                r.get("rule_id", String.class),
                r.get("rule_source", String.class),
                r.get("summary", String.class),
                r.get("jurisdiction", String.class),
                r.get("corps_unit", String.class),
                list(r.get("notified", String[].class)),
                r.get("lead", String.class),
                r.get("agency", String.class),
                r.get("severity", String.class),
                CaseStatus.of(r.get("status", String.class)),
                before == null ? null : CaseStatus.of(before),
                r.get("referral_agency", String.class),
                r.get("referral_jurisdiction", String.class),
                r.get("referral_reason", String.class),
                r.get("assignee", String.class),
                instant(r, "inspection_at"),
                r.get("findings", String.class),
                list(r.get("evidence", String[].class)),
                instant(r, "deadline"),
                r.get("escalation_level", Integer.class),
                r.get("escalation_kind", String.class),
                r.get("occurrences", Integer.class),
                r.get("public_outcome", String.class),
                r.get("internal_note", String.class),
                instant(r, "opened_at"),
                instant(r, "closed_at"),
                r.get("closed_on_time", Boolean.class),
                instant(r, "updated_at"));
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static org.springframework.r2dbc.core.Parameter at(Instant t) {
        return t == null
                ? org.springframework.r2dbc.core.Parameter.empty(OffsetDateTime.class)
                : org.springframework.r2dbc.core.Parameter.from(t.atOffset(java.time.ZoneOffset.UTC));
    }

    static org.springframework.r2dbc.core.Parameter nullable(String s) {
        return s == null
                ? org.springframework.r2dbc.core.Parameter.empty(String.class)
                : org.springframework.r2dbc.core.Parameter.from(s);
    }
}
