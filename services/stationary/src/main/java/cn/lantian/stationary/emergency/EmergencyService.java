package cn.lantian.stationary.emergency;

import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.stationary.access.PermitAccess;
import cn.lantian.stationary.monitoring.ReadingListener;
import cn.lantian.stationary.registry.Registry;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts the emergency reduction list into force when an alert is issued or changes level (verification tasks and an
 * activation event per enterprise), ends it when the alert is lifted, and raises non-compliance when a line under an
 * active measure runs above its allowance (outlet flow from CEMS, or 15-minute electricity use).
 */
@Service
public class EmergencyService implements ReadingListener {

    private final DatabaseClient db;
    private final Measures measures;
    private final Registry registry;
    private final Outbox outbox;
    private final Clock clock;

    EmergencyService(DatabaseClient db, Measures measures, Registry registry, Outbox outbox, Clock clock) {
        this.db = db;
        this.measures = measures;
        this.registry = registry;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** An alert as announced by the air-quality service. */
    public record Alert(String alertId, String county, String level, Instant effectiveFrom) {}

    /** Puts the alert's level in force: earlier-level tasks end, this level's measures get tasks. */
    public Mono<Void> inForce(Alert alert) {
        OffsetDateTime now = now();
        Mono<Void> upsert = db.sql("insert into emergency_alert (alert_id, county, level, effective_from) "
                        + "values (:id, :county, :level, :from) on conflict (alert_id) do update set county = excluded.county, "
                        + "level = excluded.level, effective_from = excluded.effective_from, lifted_at = null")
                .bind("id", alert.alertId())
                .bind("county", alert.county())
                .bind("level", alert.level())
                .bind("from", OffsetDateTime.ofInstant(alert.effectiveFrom(), ZoneOffset.UTC))
                .then();
        // Tasks of another level end: a downgrade (or upgrade) announces the measures that are no longer in force.
        Mono<Void> endOther = end(alert.alertId(), alert.level(), "level-changed", alert.level());
        Mono<Void> activate = measures.forAlert(alert.county(), alert.level())
                .collectList()
                .flatMap(list -> {
                    Map<String, List<Measure>> byEnterprise = list.stream()
                            .collect(Collectors.groupingBy(
                                    Measure::enterpriseId, LinkedHashMap::new, Collectors.toList()));
                    return Flux.fromIterable(list)
                            .concatMap(m -> db.sql("insert into verification_task (id, alert_id, "
                                            + "measure_id, enterprise_id, level, status, created_at) values (:id, :alert, :m, :e, "
                                            + ":level, 'open', :now) on conflict (alert_id, measure_id) do update set "
                                            + "level = excluded.level, status = 'open', ended_at = null")
                                    .bind("id", alert.alertId() + "/" + m.id())
                                    .bind("alert", alert.alertId())
                                    .bind("m", m.id())
                                    .bind("e", m.enterpriseId())
                                    .bind("level", m.level())
                                    .bind("now", now)
                                    .then())
                            .thenMany(Flux.fromIterable(byEnterprise.entrySet()))
                            .concatMap(e -> registry.enterprise(e.getKey())
                                    .flatMap(ent -> outbox.append(OutgoingEvent.of(
                                                            "lantian.stationary.emergency-measures-activated.v1",
                                                            "enterprise/" + ent.id(),
                                                            ent.placement(),
                                                            PermitAccess.AGENCY,
                                                            new Activated(
                                                                    ent.id(),
                                                                    alert.alertId(),
                                                                    alert.level(),
                                                                    e.getValue().stream()
                                                                            .map(Measure::measure)
                                                                            .toList()))
                                                    .withSeverity("major"))
                                            .then()))
                            .then();
                });
        // A county has one alert in force: a new one supersedes whatever was still active there.
        Mono<Void> supersede = db.sql(
                        "select alert_id from emergency_alert where county = :county and lifted_at is null "
                                + "and alert_id <> :id")
                .bind("county", alert.county())
                .bind("id", alert.alertId())
                .map(r -> r.get("alert_id", String.class))
                .all()
                .concatMap(id -> lift(id, "superseded"))
                .then();
        return supersede.then(upsert).then(endOther).then(activate);
    }

    /** Lifts the alert: its measures are no longer in force, open tasks end and each enterprise hears of it. */
    public Mono<Void> lift(String alertId) {
        return lift(alertId, "lifted");
    }

    private Mono<Void> lift(String alertId, String reason) {
        return db.sql("update emergency_alert set lifted_at = :now where alert_id = :id and lifted_at is null")
                .bind("now", now())
                .bind("id", alertId)
                .then()
                .then(end(alertId, null, reason, null));
    }

    /**
     * Ends the alert's open tasks (those not of {@code keepLevel}, when given) and raises
     * {@code emergency-measures-ended.v1} once per enterprise whose measures ended.
     */
    private Mono<Void> end(String alertId, String keepLevel, String reason, String newLevel) {
        OffsetDateTime now = now();
        return db.sql("update verification_task t set status = 'ended', ended_at = :now from emergency_measure m, "
                        + "emergency_alert a where t.alert_id = :id and t.status = 'open' and t.level <> :keep "
                        + "and m.id = t.measure_id and a.alert_id = t.alert_id "
                        + "returning t.enterprise_id, t.level, m.measure, a.county")
                .bind("now", now)
                .bind("id", alertId)
                .bind("keep", keepLevel == null ? "" : keepLevel)
                .map(r -> new EndedTask(
                        r.get("enterprise_id", String.class),
                        r.get("level", String.class),
                        r.get("measure", String.class),
                        r.get("county", String.class)))
                .all()
                .collectList()
                .flatMapMany(tasks -> Flux.fromIterable(tasks.stream()
                        .collect(
                                Collectors.groupingBy(EndedTask::enterpriseId, LinkedHashMap::new, Collectors.toList()))
                        .entrySet()))
                .concatMap(e -> registry.enterprise(e.getKey())
                        .flatMap(ent -> outbox.append(OutgoingEvent.of(
                                "lantian.stationary.emergency-measures-ended.v1",
                                "enterprise/" + ent.id(),
                                ent.placement(),
                                PermitAccess.AGENCY,
                                new Ended(
                                        ent.id(),
                                        alertId,
                                        e.getValue().get(0).county(),
                                        e.getValue().get(0).level(),
                                        reason,
                                        newLevel,
                                        now.toInstant().toString(),
                                        e.getValue().stream()
                                                .map(EndedTask::measure)
                                                .toList())))))
                .then();
    }

    private record EndedTask(String enterpriseId, String level, String measure, String county) {}

    /** Outlet flow of valid CEMS hours against the allowance of measures in force. */
    @Override
    public Mono<Void> stored(List<Stored> batch) {
        List<Stored> withFlow = batch.stream()
                .filter(s -> s.valid() && s.reading().flow() != null)
                .toList();
        if (withFlow.isEmpty()) {
            return Mono.empty();
        }
        List<String> outlets =
                withFlow.stream().map(s -> s.reading().outletId()).distinct().toList();
        return measures.activeForOutlets(outlets).collectList().flatMap(active -> {
            if (active.isEmpty()) {
                return Mono.empty();
            }
            return Flux.fromIterable(withFlow)
                    .concatMap(s -> Flux.fromIterable(active)
                            .filter(a ->
                                    a.measure().outletId().equals(s.reading().outletId())
                                            && !s.reading().hour().isBefore(a.effectiveFrom())
                                            && s.reading().flow() > a.measure().allowedFlowM3h())
                            .concatMap(a -> noncompliance(
                                    a,
                                    "flow",
                                    s.reading().hour(),
                                    s.reading().flow(),
                                    a.measure().allowedFlowM3h())))
                    .then();
        });
    }

    /** One 15-minute electricity value of a line. */
    public record Electricity(String lineId, Instant at, double kw) {}

    /** Stores 15-minute electricity values and checks them against measures in force; emits how many were stored. */
    public Mono<Integer> electricity(List<Electricity> values) {
        if (values.isEmpty()) {
            return Mono.just(0);
        }
        Mono<Void> store = db.sql("insert into electricity_use (line_id, at, kw) select l, a::timestamptz, k from "
                        + "unnest(:l::text[], :a::text[], :k::float8[]) as t(l, a, k) on conflict (line_id, at) "
                        + "do update set kw = excluded.kw")
                .bind("l", values.stream().map(Electricity::lineId).toArray(String[]::new))
                .bind("a", values.stream().map(v -> v.at().toString()).toArray(String[]::new))
                .bind("k", values.stream().map(Electricity::kw).toArray(Double[]::new))
                .then();
        List<String> lines = values.stream().map(Electricity::lineId).distinct().toList();
        Mono<Void> check = measures.activeForLines(lines)
                .collectList()
                .flatMap(active -> Flux.fromIterable(values)
                        .concatMap(v -> Flux.fromIterable(active)
                                .filter(a -> a.measure().lineId().equals(v.lineId())
                                        && !v.at().isBefore(a.effectiveFrom())
                                        && v.kw() > a.measure().allowedKw())
                                .concatMap(a -> noncompliance(
                                        a,
                                        "electricity",
                                        v.at(),
                                        v.kw(),
                                        a.measure().allowedKw())))
                        .then());
        return store.then(check).thenReturn(values.size());
    }

    private Mono<Void> noncompliance(Measures.Active a, String evidence, Instant at, double observed, double allowed) {
        Measure m = a.measure();
        String line = m.lineId() != null ? m.lineId() : m.outletId();
        return db.sql("insert into emergency_noncompliance (alert_id, line_id, evidence, at, observed, allowed) "
                        + "values (:a, :l, :e, :at, :o, :al) on conflict do nothing")
                .bind("a", a.alertId())
                .bind("l", line)
                .bind("e", evidence)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("o", observed)
                .bind("al", allowed)
                .fetch()
                .rowsUpdated()
                .flatMap(n -> n == 0
                        ? Mono.empty()
                        : registry.enterprise(m.enterpriseId())
                                .flatMap(ent -> outbox.append(OutgoingEvent.of(
                                                        "lantian.stationary.emergency-noncompliance.v1",
                                                        "enterprise/" + ent.id(),
                                                        ent.placement(),
                                                        PermitAccess.AGENCY,
                                                        new Noncompliance(
                                                                ent.id(),
                                                                a.alertId(),
                                                                line,
                                                                evidence,
                                                                observed,
                                                                allowed,
                                                                at.toString(),
                                                                m.id()))
                                                .withSeverity("critical"))
                                        .then()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    /** Data of {@code emergency-measures-activated.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Activated(String enterpriseId, String alertId, String level, List<String> measures) {}

    /** Data of {@code emergency-measures-ended.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ended(
            String enterpriseId,
            String alertId,
            String county,
            String level,
            String reason,
            String newLevel,
            String endedAt,
            List<String> measures) {}

    /** Data of {@code emergency-noncompliance.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Noncompliance(
            String enterpriseId,
            String alertId,
            String lineId,
            String evidence,
            double observed,
            double allowed,
            String at,
            String measureId) {}
}
