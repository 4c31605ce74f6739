package cn.lantian.enforcement.assessment;

import cn.lantian.eventing.IncomingEvent;
import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.web.Conflict;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collects what the assessment needs from incoming events (target status, plan tasks done), computes the scorecards
 * of a half year and publishes them once: a published scorecard is stored as issued and never changes.
 */
@Service
public class Assessment {

    static final String TARGET_STATUS = "lantian.air-quality.target-status-changed.v1";
    static final String PUBLISHED = "lantian.enforcement.scorecard-published.v1";

    private final DatabaseClient db;
    private final Weights weights;
    private final Scoring scoring;
    private final Jurisdictions jurisdictions;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public Assessment(
            DatabaseClient db,
            Weights weights,
            Jurisdictions jurisdictions,
            Outbox outbox,
            TransactionalOperator tx,
            Clock clock) {
        this.db = db;
        this.weights = weights;
        this.scoring = new Scoring(weights);
        this.jurisdictions = jurisdictions;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** Whether the event feeds the assessment. */
    public boolean counts(String type) {
        return TARGET_STATUS.equals(type) || weights.countedTypes().contains(type);
    }

    /** Records the event's contribution in the current transaction. */
    public Mono<Void> record(IncomingEvent e) {
        if (TARGET_STATUS.equals(e.type())) {
            var d = e.data();
            return db.sql("insert into target_status (unit, year, indicator, status, value, target, as_of) "
                            + "values (:unit, :year, :indicator, :status, :value, :target, :asOf) "
                            + "on conflict (unit, year, indicator) do update set status = excluded.status, "
                            + "value = excluded.value, target = excluded.target, as_of = excluded.as_of "
                            + "where target_status.as_of <= excluded.as_of")
                    .bind("unit", d.get("unit").asString())
                    .bind("year", d.get("year").asInt())
                    .bind("indicator", d.get("indicator").asString())
                    .bind("status", d.get("status").asString())
                    .bind(
                            "value",
                            d.has("value") ? Parameter.from(d.get("value").asDouble()) : Parameter.empty(Double.class))
                    .bind(
                            "target",
                            d.has("target")
                                    ? Parameter.from(d.get("target").asDouble())
                                    : Parameter.empty(Double.class))
                    .bind("asOf", e.time())
                    .fetch()
                    .rowsUpdated()
                    .then();
        }
        if (weights.countedTypes().contains(e.type())) {
            String rule =
                    e.data() == null ? null : e.data().path("rule").path("id").asString(null);
            return db.sql("insert into task_completion (event_id, kind, rule_id, jurisdiction, corps_unit, at) "
                            + "values (:id, :kind, :rule, :jurisdiction, :corps, :at) on conflict do nothing")
                    .bind("id", e.id())
                    .bind("kind", e.type())
                    .bind("rule", rule == null ? Parameter.empty(String.class) : Parameter.from(rule))
                    .bind("jurisdiction", e.jurisdiction())
                    .bind(
                            "corps",
                            e.corpsUnit() == null ? Parameter.empty(String.class) : Parameter.from(e.corpsUnit()))
                    .bind("at", e.time())
                    .fetch()
                    .rowsUpdated()
                    .then();
        }
        return Mono.empty();
    }

    /** The units assessed: every county and the Corps division. */
    List<String> units() {
        List<String> units = new ArrayList<>();
        jurisdictions.ofKind(Jurisdiction.Kind.COUNTY).forEach(j -> units.add(j.id()));
        jurisdictions.ofKind(Jurisdiction.Kind.CORPS_DIVISION).forEach(j -> units.add(j.id()));
        return units;
    }

    /** The scorecards the period would get now, without publishing them. */
    public Mono<List<Scorecard>> preview(Period period) {
        return facts(period).map(f -> scoring.score(period.name(), f));
    }

    /** Computes, stores and publishes the period's scorecards; a period is published once. */
    public Mono<List<Scorecard>> publish(Period period, String by) {
        Instant now = clock.instant();
        return tx.transactional(db.sql("select count(*) from scorecard where period = :p")
                .bind("p", period.name())
                .map((r, m) -> r.get(0, Long.class))
                .one()
                .flatMap(n -> n > 0
                        ? Mono.error(new Conflict(
                                "the scorecards of " + period.name() + " were published already and are kept as issued",
                                Map.of("period", period.name())))
                        : preview(period))
                .flatMap(cards -> Flux.fromIterable(cards)
                        .concatMap(card -> store(card, by, now))
                        .then(Mono.just(cards))));
    }

    private Mono<Void> store(Scorecard card, String by, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unit", card.unit());
        data.put("period", card.period());
        data.put("score", card.score());
        data.put("rank", card.rank());
        data.put("flaggedForSupervision", card.flaggedForSupervision());
        data.put("components", card.components());
        data.put("weightsSource", weights.source());
        boolean corps =
                jurisdictions.byId(card.unit()).map(Jurisdiction::isCorps).orElse(false);
        OutgoingEvent event = OutgoingEvent.of(
                PUBLISHED,
                "scorecard/" + card.unit() + "/" + card.period(),
                new Placement(card.unit(), corps ? card.unit() : null),
                "ecology",
                data);
        return outbox.append(event)
                .flatMap(id -> db.sql("insert into scorecard (unit, period, score, rank, flagged, "
                                + "components, weights_source, published_at, event_id) values (:unit, :period, :score, :rank, "
                                + ":flagged, :components, :source, :at, :event)")
                        .bind("unit", card.unit())
                        .bind("period", card.period())
                        .bind("score", card.score())
                        .bind("rank", card.rank())
                        .bind("flagged", card.flaggedForSupervision())
                        .bind(
                                "components",
                                json.writeValueAsString(
                                        Map.of("components", card.components(), "details", card.details())))
                        .bind("source", weights.source())
                        .bind("at", now.atOffset(ZoneOffset.UTC))
                        .bind("event", id)
                        .fetch()
                        .rowsUpdated()
                        .then());
    }

    /** The period's published scorecards by rank; empty before publication. */
    @SuppressWarnings("unchecked")
    public Flux<Scorecard> published(Period period) {
        return db.sql("select * from scorecard where period = :p order by rank, unit")
                .bind("p", period.name())
                .map((r, m) -> {
                    Map<String, Object> stored = json.readValue(r.get("components", String.class), Map.class);
                    return new Scorecard(
                            r.get("unit", String.class),
                            r.get("period", String.class),
                            r.get("score", Double.class),
                            r.get("rank", Integer.class),
                            r.get("flagged", Boolean.class),
                            (Map<String, Double>) stored.get("components"),
                            (Map<String, Object>) stored.get("details"));
                })
                .all();
    }

    private record CaseRow(String jurisdiction, String corpsUnit, String lead, boolean onTime, boolean closed) {}

    private Mono<List<UnitFacts>> facts(Period period) {
        Mono<List<String[]>> targets = db.sql("select unit, indicator, status from target_status where year = :y")
                .bind("y", period.year())
                .map((r, m) -> new String[] {
                    r.get("unit", String.class), r.get("indicator", String.class), r.get("status", String.class)
                })
                .all()
                .collectList();
        // Each count under its event type, under the finding's rule too when it names one, and, for the types whose
        // closed cases count as work done, the cases closed in the period.
        Mono<List<Object[]>> tasks = db.sql("select kind, null as rule_id, false as closed, jurisdiction, corps_unit, "
                        + "count(*) as n from task_completion where at >= :from and at < :to "
                        + "group by kind, jurisdiction, corps_unit "
                        + "union all select kind, rule_id, false, jurisdiction, corps_unit, count(*) from task_completion "
                        + "where rule_id is not null and at >= :from and at < :to group by kind, rule_id, jurisdiction, corps_unit "
                        + "union all select origin_type, null, true, jurisdiction, corps_unit, count(*) from enforcement_case "
                        + "where status = 'closed' and origin_type = any(:closedTypes) and closed_at >= :from and closed_at < :to "
                        + "group by origin_type, jurisdiction, corps_unit")
                .bind("from", period.start().atOffset(ZoneOffset.UTC))
                .bind("to", period.end().atOffset(ZoneOffset.UTC))
                .bind("closedTypes", weights.closedCaseTypes().toArray(String[]::new))
                .map((r, m) -> {
                    String kind = r.get("kind", String.class);
                    String rule = r.get("rule_id", String.class);
                    String key = Boolean.TRUE.equals(r.get("closed", Boolean.class))
                            ? UnitFacts.closedFrom(kind)
                            : rule != null ? UnitFacts.ofRule(kind, rule) : kind;
                    return new Object[] {
                        key,
                        r.get("jurisdiction", String.class),
                        r.get("corps_unit", String.class),
                        r.get("n", Long.class)
                    };
                })
                .all()
                .collectList();
        Instant cutoff = period.end().isBefore(clock.instant()) ? period.end() : clock.instant();
        Mono<List<CaseRow>> cases = db.sql(
                        "select jurisdiction, corps_unit, lead, coalesce(closed_on_time, false) as on_time, "
                                + "status = 'closed' as closed from enforcement_case where (closed_at >= :from and closed_at < :to) "
                                + "or (status <> 'closed' and deadline >= :from and deadline < :cutoff)")
                .bind("from", period.start().atOffset(ZoneOffset.UTC))
                .bind("to", period.end().atOffset(ZoneOffset.UTC))
                .bind("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .map((r, m) -> new CaseRow(
                        r.get("jurisdiction", String.class),
                        r.get("corps_unit", String.class),
                        r.get("lead", String.class),
                        Boolean.TRUE.equals(r.get("on_time", Boolean.class)),
                        Boolean.TRUE.equals(r.get("closed", Boolean.class))))
                .all()
                .collectList();
        return Mono.zip(targets, tasks, cases).map(t -> {
            List<UnitFacts> facts = new ArrayList<>();
            for (String unit : units()) {
                Map<String, String> statuses = new LinkedHashMap<>();
                t.getT1().stream().filter(row -> row[0].equals(unit)).forEach(row -> statuses.put(row[1], row[2]));
                Map<String, Long> counts = new HashMap<>();
                t.getT2().stream()
                        .filter(row -> covers(unit, (String) row[1], (String) row[2]))
                        .forEach(row -> counts.merge((String) row[0], (Long) row[3], Long::sum));
                long onTime = t.getT3().stream()
                        .filter(c -> covers(unit, c.jurisdiction(), c.corpsUnit()))
                        .filter(c -> c.closed() && c.onTime())
                        .count();
                long late = t.getT3().stream()
                        .filter(c -> covers(unit, c.jurisdiction(), c.corpsUnit()))
                        .filter(c -> !(c.closed() && c.onTime()))
                        .count();
                facts.add(new UnitFacts(unit, statuses, counts, onTime, late));
            }
            return facts;
        });
    }

    /** Whether a record placed in that jurisdiction and Corps unit counts for the unit (joint records count for both). */
    private boolean covers(String unit, String jurisdiction, String corpsUnit) {
        return unit.equals(jurisdiction)
                || jurisdictions.isWithin(jurisdiction, unit)
                || (corpsUnit != null && (unit.equals(corpsUnit) || jurisdictions.isWithin(corpsUnit, unit)));
    }

    /** The time the scoring rule cites, for the API. */
    public Weights weights() {
        return weights;
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
