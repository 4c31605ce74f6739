package cn.lantian.enforcement.queue;

import cn.lantian.enforcement.bulk.ColumnArrays;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Records work items with the transition that causes them and pushes them to live subscribers once that transaction
 * commits (never before, so a subscriber never sees work that was rolled back). Live pushing is per instance; the
 * table is the shared truth that subscribers replay from.
 */
@Component
public class WorkQueue {

    private final DatabaseClient db;
    private final Sinks.Many<WorkItem> live = Sinks.many().multicast().directBestEffort();

    public WorkQueue(DatabaseClient db) {
        this.db = db;
    }

    /**
     * One item to record.
     *
     * @param units every unit it concerns
     * @param agencies every agency it concerns
     */
    public record Entry(
            String caseId,
            String kind,
            List<String> units,
            List<String> agencies,
            String severity,
            String summary,
            Instant at) {}

    /** Records the item in the current transaction. */
    public Mono<Void> record(Entry e) {
        return db.sql("insert into work_item (case_id, kind, units, agencies, severity, summary, at) "
                        + "values (:case, :kind, :units, :agencies, :severity, :summary, :at) returning seq")
                .bind("case", e.caseId())
                .bind("kind", e.kind())
                .bind("units", e.units().toArray(String[]::new))
                .bind("agencies", e.agencies().toArray(String[]::new))
                .bind("severity", e.severity())
                .bind("summary", e.summary())
                .bind("at", e.at().atOffset(ZoneOffset.UTC))
                .map((r, m) -> r.get("seq", Long.class))
                .one()
                .map(seq -> item(seq, e))
                .flatMap(item -> afterCommit(List.of(item)));
    }

    /** The bulk form of {@link #record}: one statement for all entries, pushed live after the commit in their order. */
    public Mono<Void> recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        int n = entries.size();
        // Unit and agency ids never contain a comma: each list travels as one joined text.
        ColumnArrays columns = ColumnArrays.of(entries.stream()
                .map(e -> new String[] {
                    e.caseId(),
                    e.kind(),
                    String.join(",", e.units()),
                    String.join(",", e.agencies()),
                    e.severity(),
                    e.summary(),
                    e.at().toString()
                })
                .toList());
        return columns.bind(db.sql("insert into work_item (case_id, kind, units, agencies, severity, summary, at) "
                        + "select case_id, kind, string_to_array(units, ','), string_to_array(agencies, ','), severity, "
                        + "summary, at::timestamptz from " + columns.unnest() + " with ordinality "
                        + "as t(case_id, kind, units, agencies, severity, summary, at, n) order by n returning seq"))
                .map((r, m) -> r.get("seq", Long.class))
                .all()
                .collectList()
                .flatMap(seqs -> {
                    List<Long> sorted = seqs.stream().sorted().toList();
                    List<WorkItem> items = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        items.add(item(sorted.get(i), entries.get(i)));
                    }
                    return afterCommit(items);
                });
    }

    private static WorkItem item(long seq, Entry e) {
        return new WorkItem(seq, e.caseId(), e.kind(), e.units(), e.agencies(), e.severity(), e.summary(), e.at());
    }

    private Mono<Void> afterCommit(List<WorkItem> items) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(tx -> {
                    tx.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return Mono.fromRunnable(() -> items.forEach(WorkQueue.this::push));
                        }
                    });
                    return Mono.<Void>empty();
                })
                .onErrorResume(
                        org.springframework.transaction.NoTransactionException.class,
                        e -> Mono.fromRunnable(() -> items.forEach(this::push)));
    }

    private synchronized void push(WorkItem item) {
        live.tryEmitNext(item);
    }

    /** Items as they commit, from now on. */
    public Flux<WorkItem> live() {
        return live.asFlux();
    }

    /**
     * Items after the cursor concerning any of the units and agencies (null: no filter), oldest first.
     */
    public Flux<WorkItem> page(List<String> units, List<String> agencies, long after, int limit) {
        StringBuilder sql = new StringBuilder("select * from work_item where seq > :after");
        if (units != null) {
            sql.append(" and units && :units");
        }
        if (agencies != null) {
            sql.append(" and agencies && :agencies");
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
        return spec.map((r, m) -> new WorkItem(
                        r.get("seq", Long.class),
                        r.get("case_id", String.class),
                        r.get("kind", String.class),
                        Arrays.asList(r.get("units", String[].class)),
                        Arrays.asList(r.get("agencies", String[].class)),
                        r.get("severity", String.class),
                        r.get("summary", String.class),
                        r.get("at", OffsetDateTime.class).toInstant()))
                .all();
    }
}
