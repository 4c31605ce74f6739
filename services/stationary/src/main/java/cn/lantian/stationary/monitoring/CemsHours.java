package cn.lantian.stationary.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored CEMS hours, their exceedances and data gaps; every write is one statement per batch (no per-row round
 * trips), inside the caller's transaction.
 */
@Repository
class CemsHours {

    private final DatabaseClient db;
    private final Clock clock;

    CemsHours(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Upserts the hours. The rows travel as one JSON text parameter expanded by {@code jsonb_to_recordset}, which costs
     * the driver far less than binding ten arrays of thousands of elements.
     */
    Mono<Void> store(List<CheckedHour> rows) {
        StringBuilder b = new StringBuilder(rows.size() * 160).append('[');
        for (int i = 0; i < rows.size(); i++) {
            CheckedHour c = rows.get(i);
            Reading r = c.reading();
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"o\":");
            Json.string(b, r.outletId());
            b.append(",\"p\":");
            Json.string(b, r.pollutant());
            b.append(",\"h\":\"")
                    .append(r.hour())
                    .append("\",\"m\":")
                    .append(r.value())
                    .append(",\"x\":")
                    .append(r.o2())
                    .append(",\"f\":")
                    .append(r.flow())
                    .append(",\"fl\":");
            Json.string(b, r.flag());
            b.append(",\"v\":")
                    .append(c.valueRef())
                    .append(",\"l\":")
                    .append(c.limit())
                    .append(",\"e\":")
                    .append(c.exceeds())
                    .append('}');
        }
        b.append(']');
        return db.sql(
                        "insert into cems_hourly (outlet_id, pollutant, hour, measured, o2, flow, flag, value_ref, "
                                + "limit_mg_m3, exceeds, received_at) select o, p, h, m, x, f, fl, v, l, e, now() "
                                + "from jsonb_to_recordset(:rows::jsonb) as t(o text, p text, h timestamptz, m float8, x float8, "
                                + "f float8, fl text, v float8, l float8, e bool) "
                                + "on conflict (outlet_id, pollutant, hour) do update set measured = excluded.measured, "
                                + "o2 = excluded.o2, flow = excluded.flow, flag = excluded.flag, value_ref = excluded.value_ref, "
                                + "limit_mg_m3 = excluded.limit_mg_m3, exceeds = excluded.exceeds, received_at = excluded.received_at")
                .bind("rows", b.toString())
                .then();
    }

    /** Records the exceeding hours; returns only those not recorded before (a resent hour raises nothing new). */
    Mono<List<CheckedHour>> newExceedances(List<CheckedHour> rows) {
        List<CheckedHour> exceeding = rows.stream().filter(CheckedHour::exceeds).toList();
        if (exceeding.isEmpty()) {
            return Mono.just(List.of());
        }
        int n = exceeding.size();
        String[] outlet = new String[n];
        String[] pollutant = new String[n];
        String[] hour = new String[n];
        Double[] value = new Double[n];
        Double[] limit = new Double[n];
        Map<HourKey, CheckedHour> byKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            CheckedHour c = exceeding.get(i);
            outlet[i] = c.reading().outletId();
            pollutant[i] = c.reading().pollutant();
            hour[i] = c.reading().hour().toString();
            value[i] = c.valueRef();
            limit[i] = c.limit();
            byKey.put(c.key(), c);
        }
        return db.sql("insert into exceedance (outlet_id, pollutant, hour, value_ref, limit_mg_m3, ratio) "
                        + "select o, p, h::timestamptz, v, l, round((v / l)::numeric, 3) from unnest(:o::text[], "
                        + ":p::text[], :h::text[], :v::float8[], :l::float8[]) as t(o, p, h, v, l) "
                        + "on conflict do nothing returning outlet_id, pollutant, hour")
                .bind("o", outlet)
                .bind("p", pollutant)
                .bind("h", hour)
                .bind("v", value)
                .bind("l", limit)
                .map(r -> byKey.get(new HourKey(
                        r.get("outlet_id", String.class),
                        r.get("pollutant", String.class),
                        r.get("hour", OffsetDateTime.class).toInstant())))
                .all()
                .collectList();
    }

    /**
     * Serialises the batches that may extend the same runs (these series), so that two batches carrying neighbouring
     * hours can neither both miss nor both raise an escalation. The locks are taken in one statement, in key order and
     * before any row is written, so batches never wait on each other in a cycle; batches of other series never wait.
     */
    Mono<Void> lockRuns(String[] sortedSeries) {
        if (sortedSeries.length == 0) {
            return Mono.empty();
        }
        return db.sql("select pg_advisory_xact_lock(hashtext('cems-run|' || s)) from unnest(:s::text[]) as t(s)")
                .bind("s", sortedSeries)
                .map(r -> 1)
                .all()
                .then();
    }

    /**
     * The hours of these outlets between the two instants that can belong to a run: exceeding and flagged (value_ref
     * null) ones, with their exceedance's ratio and whether it escalated.
     */
    Mono<List<Map.Entry<HourKey, Streaks.Hour>>> runHours(String[] outletIds, Instant from, Instant to) {
        // Two branches, each on its partial index.
        String runHours = "select c.outlet_id, c.pollutant, c.hour, c.exceeds, coalesce(e.ratio, 0) as ratio, "
                + "coalesce(e.escalated, false) as escalated from cems_hourly c left join exceedance e "
                + "on e.outlet_id = c.outlet_id and e.pollutant = c.pollutant and e.hour = c.hour "
                + "where c.outlet_id = any(:ids) and c.hour >= :from and c.hour <= :to and ";
        return db.sql(runHours + "c.exceeds union all " + runHours + "c.value_ref is null")
                .bind("ids", outletIds)
                .bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .bind("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .map(r -> Map.entry(
                        new HourKey(
                                r.get("outlet_id", String.class),
                                r.get("pollutant", String.class),
                                r.get("hour", OffsetDateTime.class).toInstant()),
                        new Streaks.Hour(
                                r.get("exceeds", Boolean.class),
                                r.get("ratio", Double.class),
                                r.get("escalated", Boolean.class))))
                .all()
                .collectList();
    }

    /** Marks the exceedances of these hours as part of an escalated run. */
    Mono<Void> markEscalated(List<HourKey> keys) {
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update exceedance e set escalated = true from unnest(:o::text[], :p::text[], :h::text[]) "
                        + "as t(o, p, h) where e.outlet_id = t.o and e.pollutant = t.p and e.hour = t.h::timestamptz")
                .bind("o", keys.stream().map(HourKey::outlet).toArray(String[]::new))
                .bind("p", keys.stream().map(HourKey::pollutant).toArray(String[]::new))
                .bind("h", keys.stream().map(k -> k.hour().toString()).toArray(String[]::new))
                .then();
    }

    /** One stored hour as read back. */
    record Hour(
            String outletId,
            String pollutant,
            Instant hour,
            double measured,
            Double o2,
            Double flow,
            String flag,
            Double valueRef,
            Double limit,
            boolean exceeds) {}

    /** The stored hours of an outlet from (inclusive) to (exclusive), of one pollutant or all, in time order. */
    Flux<Hour> of(String outletId, String pollutant, OffsetDateTime from, OffsetDateTime to) {
        String sql = "select * from cems_hourly where outlet_id = :o and hour >= :from and hour < :to"
                + (pollutant == null ? "" : " and pollutant = :p") + " order by hour, pollutant";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
                .bind("o", outletId)
                .bind("from", from.withOffsetSameInstant(ZoneOffset.UTC))
                .bind("to", to.withOffsetSameInstant(ZoneOffset.UTC));
        if (pollutant != null) {
            spec = spec.bind("p", pollutant);
        }
        return spec.map(r -> new Hour(
                        r.get("outlet_id", String.class),
                        r.get("pollutant", String.class),
                        r.get("hour", OffsetDateTime.class).toInstant(),
                        r.get("measured", Double.class),
                        r.get("o2", Double.class),
                        r.get("flow", Double.class),
                        r.get("flag", String.class),
                        r.get("value_ref", Double.class),
                        r.get("limit_mg_m3", Double.class),
                        r.get("exceeds", Boolean.class)))
                .all();
    }

    /** Closes the open data gaps of the series that received a valid value. */
    Mono<Void> closeGaps(List<CheckedHour> rows) {
        // One pair per outlet and pollutant: a batch holds many hours of the same few series.
        List<String[]> pairs = rows.stream()
                .filter(CheckedHour::valid)
                .map(c -> c.reading().outletId() + "\u0000" + c.reading().pollutant())
                .distinct()
                .map(k -> k.split("\u0000"))
                .toList();
        if (pairs.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update monitoring_gap g set closed_at = :now from unnest(:o::text[], :p::text[]) as t(o, p) "
                        + "where g.closed_at is null and g.outlet_id = t.o and g.pollutant = t.p")
                .bind("now", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .bind("o", pairs.stream().map(x -> x[0]).toArray(String[]::new))
                .bind("p", pairs.stream().map(x -> x[1]).toArray(String[]::new))
                .then();
    }
}
