package cn.lantian.stationary.monitoring;

import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.stationary.StationaryProperties;
import cn.lantian.stationary.access.PermitAccess;
import cn.lantian.stationary.events.DomainEvents;
import cn.lantian.stationary.events.Raised;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores a batch of hourly CEMS values and raises what they show, in one transaction and a fixed number of
 * statements per batch (no per-row round trips): values converted to reference oxygen and compared with the valid
 * permit's limit; new exceedances raised; streaks of the configured length escalated; open data gaps closed.
 */
@Service
public class CemsIngest {

    /** Hours either side of a new hour within which its run is followed (a run longer than that is seen in part). */
    private static final int REACH = 72;

    private final DatabaseClient db;
    private final PermitAccess access;
    private final DomainEvents events;
    private final TransactionalOperator tx;
    private final MonitoringTables tables;
    private final StationaryProperties properties;
    private final Clock clock;
    private final List<ReadingListener> listeners;

    public CemsIngest(DatabaseClient db, PermitAccess access, DomainEvents events, TransactionalOperator tx,
            StationaryProperties properties, Clock clock, List<ReadingListener> listeners) {
        this.db = db;
        this.access = access;
        this.events = events;
        this.tx = tx;
        this.tables = MonitoringTables.load();
        this.properties = properties;
        this.clock = clock;
        this.listeners = listeners;
    }

    MonitoringTables tables() {
        return tables;
    }

    /** A value that passed every check, with what the checks found. */
    private record Checked(Reading reading, Outlet outlet, boolean valid, Double valueRef, Double limit,
            boolean exceeds, Double referenceO2) {
    }

    private record Key(String outlet, String pollutant, Instant hour) {
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
        Mono<IngestReport> work = outlets(ids).zipWith(terms(ids)).flatMap(t -> {
            List<Rejection> rejected = new ArrayList<>(parsed.rejections());
            List<IngestReport.Unpermitted> unpermitted = new ArrayList<>();
            Map<String, Outlet> outlets = t.getT1();
            PermitTerms terms = t.getT2();
            Map<Key, Checked> batch = new LinkedHashMap<>();
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
                        batch.put(new Key(r.outletId(), r.pollutant(), r.hour()), c);
                        if (!permit.permitted()) {
                            unpermitted.add(new IngestReport.Unpermitted(line, r.outletId(), r.pollutant(), r.hour()));
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
            List<Checked> rows = List.copyOf(batch.values());
            return lockRuns(rows).then(store(rows)).then(newExceedances(rows))
                    .flatMap(fresh -> escalate(rows, fresh).map(escalations -> new IngestReport(rows.size(), rejected,
                            fresh.size(), escalations, unpermitted)))
                    .flatMap(report -> closeGaps(rows).then(notifyListeners(rows)).thenReturn(report));
        });
        return tx.transactional(work).map(r -> {
            List<Rejection> sorted = new ArrayList<>(r.rejected());
            sorted.sort(Comparator.comparingInt(Rejection::line));
            return new IngestReport(r.accepted(), sorted, r.exceedances(), r.escalations(), r.unpermitted());
        });
    }

    private java.util.Optional<Checked> check(Reading r, Outlet o, Double limit, int line, List<Rejection> rejected) {
        boolean valid = tables.valid(r.flag());
        Double reference = tables.oxygen(o.sourceKind()).map(MonitoringTables.ReferenceOxygen::o2).orElse(null);
        Double valueRef = null;
        if (valid) {
            OptionalDouble converted = Oxygen.toReference(r.value(), r.o2(), reference);
            if (converted.isEmpty()) {
                rejected.add(new Rejection(line, "o2", "is required below 21 % for a source with reference oxygen "
                        + reference + " %"));
                return java.util.Optional.empty();
            }
            valueRef = Math.round(converted.getAsDouble() * 1000) / 1000.0;
        }
        boolean exceeds = valid && limit != null && valueRef > limit;
        return java.util.Optional.of(new Checked(r, o, valid, valueRef, limit, exceeds, reference));
    }

    private Mono<Map<String, Outlet>> outlets(Set<String> ids) {
        return db.sql("select id, enterprise_id, jurisdiction, corps_unit, lon, lat, attributes->>'sourceKind' as sk "
                        + "from facility where kind = 'outlet' and id = any(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(r -> new Outlet(r.get("id", String.class), r.get("enterprise_id", String.class),
                        new Placement(r.get("jurisdiction", String.class), r.get("corps_unit", String.class)),
                        r.get("lon", Double.class), r.get("lat", Double.class), r.get("sk", String.class)))
                .all().collectMap(Outlet::id);
    }

    /** A permit version with one of its limits (null when it sets none for the batch's outlets). */
    private record TermRow(PermitTerms.Version version, String outlet, String pollutant, Double limit) {
    }

    /** Every recorded version of the permits that ever limited one of the outlets. */
    private Mono<PermitTerms> terms(Set<String> ids) {
        String[] outlets = ids.toArray(String[]::new);
        return db.sql("select v.number, v.version, v.recorded_at, v.valid_from, v.valid_until, v.status, v.outlets, "
                        + "l->>'o' as outlet, l->>'p' as pollutant, (l->>'l')::float8 as lim from permit_version v "
                        + "left join lateral (select x from jsonb_array_elements(v.limits) x where x->>'o' = any(:ids)) "
                        + "as t(l) on true where v.number in (select number from permit_version where outlets && :ids) "
                        + "order by v.number, v.version")
                .bind("ids", outlets)
                .map(r -> new TermRow(new PermitTerms.Version(r.get("number", String.class), r.get("version", Integer.class),
                        r.get("recorded_at", OffsetDateTime.class).toInstant(), r.get("valid_from", LocalDate.class),
                        r.get("valid_until", LocalDate.class), r.get("status", String.class), new HashMap<>(),
                        List.of(r.get("outlets", String[].class))), r.get("outlet", String.class),
                        r.get("pollutant", String.class), r.get("lim", Double.class)))
                .all().collectList().map(rows -> {
                    Map<String, PermitTerms.Version> versions = new LinkedHashMap<>();
                    for (TermRow row : rows) {
                        PermitTerms.Version v = versions.computeIfAbsent(row.version().number() + "#"
                                + row.version().version(), k -> row.version());
                        if (row.outlet() != null) {
                            v.limits().put(row.outlet() + "|" + row.pollutant(), row.limit());
                        }
                    }
                    return new PermitTerms(List.copyOf(versions.values()));
                });
    }

    /**
     * One statement for the whole batch: the rows travel as one JSON text parameter expanded by
     * {@code jsonb_to_recordset}, which costs the driver far less than binding ten arrays of thousands of elements.
     */
    private Mono<Void> store(List<Checked> rows) {
        StringBuilder b = new StringBuilder(rows.size() * 160).append('[');
        for (int i = 0; i < rows.size(); i++) {
            Checked c = rows.get(i);
            Reading r = c.reading();
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"o\":");
            Json.string(b, r.outletId());
            b.append(",\"p\":");
            Json.string(b, r.pollutant());
            b.append(",\"h\":\"").append(r.hour()).append("\",\"m\":").append(r.value())
                    .append(",\"x\":").append(r.o2()).append(",\"f\":").append(r.flow()).append(",\"fl\":");
            Json.string(b, r.flag());
            b.append(",\"v\":").append(c.valueRef()).append(",\"l\":").append(c.limit())
                    .append(",\"e\":").append(c.exceeds()).append('}');
        }
        b.append(']');
        return db.sql("insert into cems_hourly (outlet_id, pollutant, hour, measured, o2, flow, flag, value_ref, "
                        + "limit_mg_m3, exceeds, received_at) select o, p, h, m, x, f, fl, v, l, e, now() "
                        + "from jsonb_to_recordset(:rows::jsonb) as t(o text, p text, h timestamptz, m float8, x float8, "
                        + "f float8, fl text, v float8, l float8, e bool) "
                        + "on conflict (outlet_id, pollutant, hour) do update set measured = excluded.measured, "
                        + "o2 = excluded.o2, flow = excluded.flow, flag = excluded.flag, value_ref = excluded.value_ref, "
                        + "limit_mg_m3 = excluded.limit_mg_m3, exceeds = excluded.exceeds, received_at = excluded.received_at")
                .bind("rows", b.toString()).then();
    }

    /** Records the exceeding hours; returns only those not recorded before (a resent hour raises nothing new). */
    private Mono<List<Checked>> newExceedances(List<Checked> rows) {
        List<Checked> exceeding = rows.stream().filter(Checked::exceeds).toList();
        if (exceeding.isEmpty()) {
            return Mono.just(List.of());
        }
        int n = exceeding.size();
        String[] outlet = new String[n];
        String[] pollutant = new String[n];
        String[] hour = new String[n];
        Double[] value = new Double[n];
        Double[] limit = new Double[n];
        Map<Key, Checked> byKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Checked c = exceeding.get(i);
            outlet[i] = c.reading().outletId();
            pollutant[i] = c.reading().pollutant();
            hour[i] = c.reading().hour().toString();
            value[i] = c.valueRef();
            limit[i] = c.limit();
            byKey.put(new Key(outlet[i], pollutant[i], c.reading().hour()), c);
        }
        return db.sql("insert into exceedance (outlet_id, pollutant, hour, value_ref, limit_mg_m3, ratio) "
                        + "select o, p, h::timestamptz, v, l, round((v / l)::numeric, 3) from unnest(:o::text[], "
                        + ":p::text[], :h::text[], :v::float8[], :l::float8[]) as t(o, p, h, v, l) "
                        + "on conflict do nothing returning outlet_id, pollutant, hour")
                .bind("o", outlet).bind("p", pollutant).bind("h", hour).bind("v", value).bind("l", limit)
                .map(r -> byKey.get(new Key(r.get("outlet_id", String.class), r.get("pollutant", String.class),
                        r.get("hour", OffsetDateTime.class).toInstant())))
                .all().collectList();
    }

    /**
     * Serialises the batches that may extend the same runs (exceeding or flagged hours of one outlet and pollutant), so
     * that two batches carrying neighbouring hours can neither both miss nor both raise an escalation. The locks are
     * taken in one statement, in key order and before any row is written, so batches never wait on each other in a
     * cycle; batches of other series never wait at all.
     */
    private Mono<Void> lockRuns(List<Checked> rows) {
        String[] series = rows.stream().filter(c -> c.exceeds() || !c.valid()).map(CemsIngest::series).distinct()
                .sorted().toArray(String[]::new);
        if (series.length == 0) {
            return Mono.empty();
        }
        return db.sql("select pg_advisory_xact_lock(hashtext('cems-run|' || s)) from unnest(:s::text[]) as t(s)")
                .bind("s", series).map(r -> 1).all().then();
    }

    private static String series(Checked c) {
        return c.reading().outletId() + "|" + c.reading().pollutant();
    }

    /**
     * Raises the new exceedances, then escalates each run the batch's hours belong to once it holds the configured
     * number of exceeding hours, whatever order the hours came in: new exceeding hours extend or bridge runs, and so do
     * flagged hours. A run escalates once: its hours are marked, a run that holds a marked hour never escalates again
     * (two runs bridged by a late hour included), and hours joining an escalated run are marked too. Emits how many
     * escalations.
     */
    private Mono<Integer> escalate(List<Checked> rows, List<Checked> fresh) {
        List<Checked> touching = new ArrayList<>(fresh);
        rows.stream().filter(c -> !c.valid()).forEach(touching::add);
        if (touching.isEmpty()) {
            return Mono.just(0);
        }
        Instant from = touching.stream().map(c -> c.reading().hour()).min(Instant::compareTo).orElseThrow()
                .minus(Duration.ofHours(REACH));
        Instant to = touching.stream().map(c -> c.reading().hour()).max(Instant::compareTo).orElseThrow()
                .plus(Duration.ofHours(REACH));
        String[] ids = touching.stream().map(c -> c.reading().outletId()).distinct().toArray(String[]::new);
        // Two branches, each on its partial index: only exceeding and flagged (value_ref null) hours can be in a run.
        String runHours = "select c.outlet_id, c.pollutant, c.hour, c.exceeds, coalesce(e.ratio, 0) as ratio, "
                + "coalesce(e.escalated, false) as escalated from cems_hourly c left join exceedance e "
                + "on e.outlet_id = c.outlet_id and e.pollutant = c.pollutant and e.hour = c.hour "
                + "where c.outlet_id = any(:ids) and c.hour >= :from and c.hour <= :to and ";
        return db.sql(runHours + "c.exceeds union all " + runHours + "c.value_ref is null")
                .bind("ids", ids).bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .bind("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .map(r -> Map.entry(new Key(r.get("outlet_id", String.class), r.get("pollutant", String.class),
                        r.get("hour", OffsetDateTime.class).toInstant()), new Streaks.Hour(r.get("exceeds", Boolean.class),
                        r.get("ratio", Double.class), r.get("escalated", Boolean.class))))
                .all().collectList()
                .flatMap(found -> {
                    Map<String, Map<Instant, Streaks.Hour>> known = new HashMap<>();
                    found.forEach(e -> known.computeIfAbsent(e.getKey().outlet() + "|" + e.getKey().pollutant(),
                            k -> new HashMap<>()).put(e.getKey().hour(), e.getValue()));
                    List<Raised> raised = new ArrayList<>();
                    for (Checked c : fresh) {
                        raised.add(exceeded(c, runAround(c, known).map(Streaks.Run::exceeding).orElse(1)));
                    }
                    List<Key> mark = new ArrayList<>();
                    int escalations = 0;
                    for (Checked c : touching) {
                        Streaks.Run run = runAround(c, known).orElse(null);
                        if (run == null || (!run.escalated() && run.exceeding() < properties.escalationHours())) {
                            continue;
                        }
                        if (!run.escalated()) {
                            escalations++;
                            raised.add(escalated(c, run));
                        }
                        Map<Instant, Streaks.Hour> hours = known.get(series(c));
                        for (Instant h : run.exceedingHours()) {
                            Streaks.Hour hour = hours.get(h);
                            if (!hour.escalated()) {
                                hours.put(h, new Streaks.Hour(true, hour.ratio(), true));
                                mark.add(new Key(c.reading().outletId(), c.reading().pollutant(), h));
                            }
                        }
                    }
                    return Flux.fromIterable(raised).concatMap(events::raise).then(markEscalated(mark))
                            .thenReturn(escalations);
                });
    }

    private static java.util.Optional<Streaks.Run> runAround(Checked c, Map<String, Map<Instant, Streaks.Hour>> known) {
        return Streaks.around(c.reading().hour(), known.getOrDefault(series(c), Map.of()), REACH);
    }

    private Raised escalated(Checked c, Streaks.Run run) {
        Outlet o = c.outlet();
        return new Raised("lantian.stationary.emission-exceedance-escalated.v1", "outlet/" + o.id(), o.placement(),
                "critical", new ExceedanceEvents.Escalated(o.enterpriseId(), o.id(), c.reading().pollutant(),
                        run.from().toString(), run.to().toString(), run.exceeding(), run.maxRatio(),
                        new Raised.Location(o.lon(), o.lat())));
    }

    private Raised exceeded(Checked c, int consecutive) {
        Reading r = c.reading();
        Outlet o = c.outlet();
        double ratio = Math.round(c.valueRef() / c.limit() * 1000) / 1000.0;
        return new Raised("lantian.stationary.emission-limit-exceeded.v1", "outlet/" + o.id(), o.placement(), "major",
                new ExceedanceEvents.Exceeded(o.enterpriseId(), o.id(), r.pollutant(), r.hour().toString(),
                        c.valueRef(), c.limit(), ratio, "mg/m3", c.referenceO2(), consecutive,
                        new Raised.Location(o.lon(), o.lat()),
                        new Raised.Rule("permit-limit-" + r.pollutant(), "排污许可证 pollutant-discharge permit",
                                c.limit(), "mg/m3")));
    }

    private Mono<Void> markEscalated(List<Key> keys) {
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update exceedance e set escalated = true from unnest(:o::text[], :p::text[], :h::text[]) "
                        + "as t(o, p, h) where e.outlet_id = t.o and e.pollutant = t.p and e.hour = t.h::timestamptz")
                .bind("o", keys.stream().map(Key::outlet).toArray(String[]::new))
                .bind("p", keys.stream().map(Key::pollutant).toArray(String[]::new))
                .bind("h", keys.stream().map(k -> k.hour().toString()).toArray(String[]::new)).then();
    }

    private Mono<Void> closeGaps(List<Checked> rows) {
        // One pair per outlet and pollutant: a batch holds many hours of the same few series.
        List<String[]> pairs = rows.stream().filter(Checked::valid)
                .map(c -> c.reading().outletId() + "\u0000" + c.reading().pollutant()).distinct()
                .map(k -> k.split("\u0000")).toList();
        if (pairs.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update monitoring_gap g set closed_at = :now from unnest(:o::text[], :p::text[]) as t(o, p) "
                        + "where g.closed_at is null and g.outlet_id = t.o and g.pollutant = t.p")
                .bind("now", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .bind("o", pairs.stream().map(x -> x[0]).toArray(String[]::new))
                .bind("p", pairs.stream().map(x -> x[1]).toArray(String[]::new)).then();
    }

    private Mono<Void> notifyListeners(List<Checked> rows) {
        if (listeners.isEmpty()) {
            return Mono.empty();
        }
        List<ReadingListener.Stored> stored = rows.stream().map(c -> new ReadingListener.Stored(c.reading(),
                c.outlet().enterpriseId(), c.outlet().placement(), c.valid())).toList();
        return Flux.fromIterable(listeners).concatMap(l -> l.stored(stored)).then();
    }
}
