package cn.lantian.stationary.monitoring;

import cn.lantian.security.Caller;
import cn.lantian.stationary.access.PermitAccess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores a batch of hourly CEMS values and raises what they show, in one transaction: each value is judged by the
 * permit terms in force at its hour ({@link RecordedTerms}, {@link PermitTerms}) after conversion to reference oxygen,
 * stored ({@link CemsHours}), its exceedances raised and runs escalated ({@link Escalation}), open data gaps closed.
 */
@Service
public class CemsIngest {

    private final PermitAccess access;
    private final RecordedTerms recorded;
    private final CemsHours hours;
    private final Escalation escalation;
    private final TransactionalOperator tx;
    private final MonitoringTables tables;
    private final List<ReadingListener> listeners;

    CemsIngest(
            PermitAccess access,
            RecordedTerms recorded,
            CemsHours hours,
            Escalation escalation,
            TransactionalOperator tx,
            List<ReadingListener> listeners) {
        this.access = access;
        this.recorded = recorded;
        this.hours = hours;
        this.escalation = escalation;
        this.tx = tx;
        this.tables = MonitoringTables.load();
        this.listeners = listeners;
    }

    MonitoringTables tables() {
        return tables;
    }

    /** Stores the parsed readings the caller may write; lines of outlets unknown or outside their reach are rejected. */
    public Mono<IngestReport> ingest(Caller caller, ReadingParser.Parsed parsed) {
        return ingest(caller, parsed, false);
    }

    /**
     * Stores the parsed readings, all or nothing: a line rejected for any reason fails the whole batch with
     * {@link RejectedReadings} and stores nothing (for messages, which are dead-lettered whole).
     */
    public Mono<IngestReport> ingestAll(Caller caller, ReadingParser.Parsed parsed) {
        if (!parsed.rejections().isEmpty()) {
            return Mono.error(new RejectedReadings(parsed.rejections()));
        }
        return ingest(caller, parsed, true);
    }

    private Mono<IngestReport> ingest(Caller caller, ReadingParser.Parsed parsed, boolean allOrNothing) {
        Set<String> ids = new HashSet<>();
        parsed.readings().forEach(r -> ids.add(r.outletId()));
        // Built per subscription: a message's retry starts from a clean report.
        Mono<IngestReport> work = recorded.outlets(ids)
                .zipWith(recorded.terms(ids))
                .flatMap(t -> {
                    List<Rejection> rejected = new ArrayList<>(parsed.rejections());
                    List<IngestReport.Unpermitted> unpermitted = new ArrayList<>();
                    Map<String, Outlet> outlets = t.getT1();
                    PermitTerms terms = t.getT2();
                    Map<HourKey, CheckedHour> batch = new LinkedHashMap<>();
                    for (int i = 0; i < parsed.readings().size(); i++) {
                        Reading r = parsed.readings().get(i);
                        int line = parsed.lines().get(i);
                        Outlet o = outlets.get(r.outletId());
                        // An outlet the caller cannot see is named as one that does not exist.
                        if (o == null || !access.mayRead(caller, o.placement())) {
                            rejected.add(new Rejection(line, "outletId", "no outlet " + r.outletId()));
                        } else if (!access.mayWrite(caller, o.placement())) {
                            rejected.add(new Rejection(line, "outletId", "outlet lies outside your jurisdiction"));
                        } else {
                            PermitTerms.Judgement permit = terms.at(r.outletId(), r.pollutant(), r.hour());
                            check(r, o, permit.limit(), line, rejected).ifPresent(c -> {
                                batch.put(c.key(), c);
                                if (!permit.permitted()) {
                                    unpermitted.add(
                                            new IngestReport.Unpermitted(line, r.outletId(), r.pollutant(), r.hour()));
                                }
                            });
                        }
                    }
                    if (allOrNothing && !rejected.isEmpty()) {
                        return Mono.error(new RejectedReadings(rejected));
                    }
                    if (batch.isEmpty()) {
                        return Mono.just(new IngestReport(0, rejected, 0, 0, unpermitted));
                    }
                    List<CheckedHour> rows = List.copyOf(batch.values());
                    return escalation
                            .lockRuns(rows)
                            .then(hours.store(rows))
                            .then(hours.newExceedances(rows))
                            .flatMap(fresh -> escalation
                                    .escalate(rows, fresh)
                                    .map(escalations -> new IngestReport(
                                            rows.size(), rejected, fresh.size(), escalations, unpermitted)))
                            .flatMap(report -> hours.closeGaps(rows)
                                    .then(notifyListeners(rows))
                                    .thenReturn(report));
                });
        return tx.transactional(work).map(r -> {
            List<Rejection> sorted = new ArrayList<>(r.rejected());
            sorted.sort(Comparator.comparingInt(Rejection::line));
            return new IngestReport(r.accepted(), sorted, r.exceedances(), r.escalations(), r.unpermitted());
        });
    }

    private Optional<CheckedHour> check(Reading r, Outlet o, Double limit, int line, List<Rejection> rejected) {
        boolean valid = tables.valid(r.flag());
        Double reference = tables.oxygen(o.sourceKind())
                .map(MonitoringTables.ReferenceOxygen::o2)
                .orElse(null);
        Double valueRef = null;
        if (valid) {
            OptionalDouble converted = Oxygen.toReference(r.value(), r.o2(), reference);
            if (converted.isEmpty()) {
                rejected.add(new Rejection(
                        line, "o2", "is required below 21 % for a source with reference oxygen " + reference + " %"));
                return Optional.empty();
            }
            valueRef = Math.round(converted.getAsDouble() * 1000) / 1000.0;
        }
        boolean exceeds = valid && limit != null && valueRef > limit;
        return Optional.of(new CheckedHour(r, o, valid, valueRef, limit, exceeds, reference));
    }

    private Mono<Void> notifyListeners(List<CheckedHour> rows) {
        if (listeners.isEmpty()) {
            return Mono.empty();
        }
        List<ReadingListener.Stored> stored = rows.stream()
                .map(c -> new ReadingListener.Stored(
                        c.reading(), c.outlet().enterpriseId(), c.outlet().placement(), c.valid()))
                .toList();
        return Flux.fromIterable(listeners).concatMap(l -> l.stored(stored)).then();
    }
}
