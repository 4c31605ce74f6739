package cn.lantian.airquality.evaluation;

import cn.lantian.airquality.observation.HourlyAqi;
import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.Placement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Re-evaluates a year after its data changed and records each unit's changed status against its targets, publishing
 * {@code lantian.air-quality.target-status-changed.v1} in the same transaction. Requests that arrive while a run is
 * going are folded into the next run, so a burst of ingest batches costs one or two evaluations.
 */
@Service
public class TargetStatusWatch {

    private static final Logger LOG = LoggerFactory.getLogger(TargetStatusWatch.class);
    private static final String TYPE = "lantian.air-quality.target-status-changed.v1";
    private static final java.time.Duration QUIET = java.time.Duration.ofSeconds(2);

    private final YearEvaluations evaluations;
    private final DatabaseClient db;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Set<Integer> pending = new ConcurrentSkipListSet<>();
    private final AtomicBoolean running = new AtomicBoolean();

    public TargetStatusWatch(YearEvaluations evaluations, DatabaseClient db, Outbox outbox, TransactionalOperator tx) {
        this.evaluations = evaluations;
        this.db = db;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** Asks for the years to be re-evaluated soon; returns at once. */
    /** Observations of some years were written: re-evaluate them. */
    @org.springframework.context.event.EventListener
    void on(cn.lantian.airquality.observation.ObservationsWritten written) {
        request(written.years());
    }

    public void request(Set<Integer> years) {
        pending.addAll(years);
        drain();
    }

    private void drain() {
        if (pending.isEmpty() || !running.compareAndSet(false, true)) {
            return;
        }
        // A short quiet period folds a burst of ingest batches into one evaluation.
        Mono.delay(QUIET)
                .then(Mono.defer(() -> {
                    Integer year = pending.isEmpty() ? null : pending.iterator().next();
                    if (year == null) {
                        return Mono.just(0);
                    }
                    pending.remove(year);
                    return recheck(year, LocalDate.now(HourlyAqi.CHINA))
                            .doOnError(e -> LOG.warn("re-evaluating {} failed", year, e));
                }))
                .onErrorResume(e -> Mono.just(0))
                .doFinally(s -> {
                    running.set(false);
                    drain();
                })
                .subscribe();
    }

    /** Evaluates the year up to {@code asOf} and records every changed status; returns how many changed. */
    public Mono<Integer> recheck(int year, LocalDate asOf) {
        return evaluations
                .evaluate(year, asOf)
                .flatMap(result -> tx.transactional(Flux.fromIterable(result.units())
                        .flatMapIterable(u -> u.progress().stream()
                                .map(p -> Map.entry(u.unit(), p))
                                .toList())
                        .concatMap(e -> record(year, e.getKey(), e.getValue()))
                        .reduce(0, Integer::sum)));
    }

    private Mono<Integer> record(int year, String unit, Progress p) {
        return db.sql("select status from target_status where unit = :unit and year = :year and indicator = :indicator")
                .bind("unit", unit)
                .bind("year", year)
                .bind("indicator", p.indicator())
                .map(r -> r.get("status", String.class))
                .one()
                .defaultIfEmpty("")
                .flatMap(previous -> {
                    if (previous.equals(p.status())) {
                        return Mono.just(0);
                    }
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("unit", unit);
                    data.put("year", year);
                    data.put("indicator", p.indicator());
                    data.put("status", p.status());
                    if (!previous.isEmpty()) {
                        data.put("previousStatus", previous);
                    }
                    if (p.value() != null) {
                        data.put("value", p.value());
                    }
                    data.put("target", p.target());
                    boolean corps = unit.startsWith("xpcc");
                    OutgoingEvent event = OutgoingEvent.of(
                            TYPE,
                            "target/" + unit + "/" + year + "/" + p.indicator(),
                            new Placement(unit, corps ? unit : null),
                            "ecology",
                            data);
                    return db.sql("""
                                    insert into target_status (unit, year, indicator, status, value, changed_at)
                                    values (:unit, :year, :indicator, :status, :value, now())
                                    on conflict (unit, year, indicator) do update set status = excluded.status,
                                      value = excluded.value, changed_at = excluded.changed_at""")
                            .bind("unit", unit)
                            .bind("year", year)
                            .bind("indicator", p.indicator())
                            .bind("status", p.status())
                            .bind("value", p.value() == null ? Double.NaN : p.value())
                            .then()
                            .then(outbox.append(event))
                            .thenReturn(1);
                });
    }
}
