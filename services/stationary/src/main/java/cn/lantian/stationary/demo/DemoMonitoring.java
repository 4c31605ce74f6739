package cn.lantian.stationary.demo;

import cn.lantian.stationary.monitoring.MonitoringTables;
import cn.lantian.stationary.permit.Permits;
import cn.lantian.stationary.registry.Enterprise;
import cn.lantian.stationary.registry.Facility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo permits, emergency measures and 30 days of hourly CEMS values with a daily rhythm, a few exceedance episodes,
 * flagged hours and two outlets that fell silent; written in large batches straight to the tables (a backfill, so no
 * events are raised for the past).
 */
@Component
class DemoMonitoring {

    private final MonitoringTables tables = MonitoringTables.load();

    /**
     * Demo permit limits (mg/m3) per source kind and pollutant, in the range of GB 13271-2014 special limits and the
     * ultra-low limits: invented permit content for the demonstration, not rules of the plan.
     */
    private static final Map<String, Map<String, Double>> LIMITS = Map.of(
            "coal-boiler", Map.of("PM", 30.0, "SO2", 200.0, "NOx", 200.0),
            "biomass-boiler", Map.of("PM", 20.0, "SO2", 50.0, "NOx", 50.0),
            "gas-boiler", Map.of("PM", 20.0, "SO2", 50.0, "NOx", 50.0),
            "pellet-sinter", Map.of("PM", 50.0, "SO2", 200.0, "NOx", 300.0),
            "cement-kiln", Map.of("PM", 30.0, "SO2", 200.0, "NOx", 320.0));

    private final DatabaseClient db;
    private final Clock clock;
    private final Permits permits;

    DemoMonitoring(DatabaseClient db, Clock clock, Permits permits) {
        this.db = db;
        this.clock = clock;
        this.permits = permits;
    }

    /** Writes permits, measures and the hourly values; returns how many hourly values. */
    int seed(List<Enterprise> enterprises, List<Facility> outlets, LocalDate today) {
        Random random = new Random(12);
        Map<String, List<Facility>> byOwner = new HashMap<>();
        outlets.forEach(o -> byOwner.computeIfAbsent(o.enterpriseId(), k -> new ArrayList<>())
                .add(o));
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Mono<Void>> writes = new ArrayList<>();
        int n = 0;
        for (Enterprise e : enterprises) {
            List<Facility> own = byOwner.getOrDefault(e.id(), List.of());
            if (own.isEmpty()) {
                continue;
            }
            n++;
            String number = e.creditCode() + String.format("%03d", 1) + "P";
            // Three permits expire within 90 days, so the expiry warning has something to say.
            LocalDate until = n % 9 == 0 ? today.plusDays(40 + n) : today.plusYears(1 + n % 4);
            writes.add(db.sql(
                            "insert into permit (number, enterprise_id, valid_from, valid_until, status, version, "
                                    + "updated_at, updated_by) values (:n, :e, :f, :u, 'valid', 1, :at, 'demo') on conflict do nothing")
                    .bind("n", number)
                    .bind("e", e.id())
                    .bind("f", today.minusYears(2))
                    .bind("u", until)
                    .bind("at", at)
                    .then());
            for (Facility o : own) {
                String kind = o.text("sourceKind");
                for (Map.Entry<String, Double> l :
                        LIMITS.getOrDefault(kind, Map.of()).entrySet()) {
                    double limit = o.flag("ultraLow")
                            ? Map.of("PM", 10.0, "SO2", 35.0, "NOx", 50.0).get(l.getKey())
                            : l.getValue();
                    writes.add(db.sql(
                                    "insert into permit_limit (permit_number, outlet_id, pollutant, limit_mg_m3, yearly_t) "
                                            + "values (:n, :o, :p, :l, :y) on conflict do nothing")
                            .bind("n", number)
                            .bind("o", o.id())
                            .bind("p", l.getKey())
                            .bind("l", limit)
                            .bind("y", Math.round(limit * 2.5 * 10) / 10.0)
                            .then());
                }
            }
            writes.add(permits.recordVersion(number));
            if (e.id().startsWith("ent-") || n % 3 == 0) {
                writes.add(measures(e, own));
            }
        }
        Flux.concat(writes).then().block();
        return hourly(outlets, random, now);
    }

    private Mono<Void> measures(Enterprise e, List<Facility> outlets) {
        List<Mono<Void>> list = new ArrayList<>();
        String[][] levels = {
            {"yellow", "限产20% cut output by 20 %", "0.8"},
            {"orange", "限产50%, 停止物料倒运 cut output by 50 %, stop material transfer", "0.5"},
            {"red", "停产保温 stop production, keep kilns warm", "0.1"}
        };
        for (Facility o : outlets) {
            String line = o.parentId();
            for (String[] level : levels) {
                double share = 1 - Double.parseDouble(level[2]);
                DatabaseClient.GenericExecuteSpec spec = db.sql(
                                "insert into emergency_measure (id, enterprise_id, line_id, "
                                        + "outlet_id, level, measure, pm_kg_d, so2_kg_d, nox_kg_d, vocs_kg_d, allowed_kw, "
                                        + "allowed_flow_m3h, updated_at, updated_by) values (:id, :e, :line, :o, :level, :m, :pm, :so2, "
                                        + ":nox, :vocs, :kw, :flow, now(), 'demo') on conflict do nothing")
                        .bind("id", "demo-measure-" + o.id() + "-" + level[0])
                        .bind("e", e.id())
                        .bind("o", o.id())
                        .bind("level", level[0])
                        .bind("m", level[1])
                        .bind("pm", Math.round(180 * share))
                        .bind("so2", Math.round(420 * share))
                        .bind("nox", Math.round(650 * share))
                        .bind("vocs", Math.round(40 * share))
                        .bind("flow", Math.round(120000 * Double.parseDouble(level[2])));
                spec = line == null
                        ? spec.bindNull("line", String.class).bindNull("kw", Double.class)
                        : spec.bind("line", line).bind("kw", (double) Math.round(5200 * Double.parseDouble(level[2])));
                list.add(spec.then());
            }
        }
        return Flux.concat(list).then();
    }

    private int hourly(List<Facility> outlets, Random random, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofDays(30));
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> exceedances = new ArrayList<>();
        int index = 0;
        for (Facility o : outlets) {
            index++;
            String kind = o.text("sourceKind");
            Double ref = tables.oxygen(kind)
                    .map(MonitoringTables.ReferenceOxygen::o2)
                    .orElse(9.0);
            Map<String, Double> limits = LIMITS.getOrDefault(kind, Map.of());
            boolean silent = index % 17 == 5;
            boolean episode = index % 6 == 1;
            double baseFlow = 30000 + random.nextInt(90000);
            for (Instant h = start; h.isBefore(end); h = h.plus(Duration.ofHours(1))) {
                if (silent && h.isAfter(end.minus(Duration.ofHours(10)))) {
                    continue;
                }
                int hourOfDay = h.atZone(ZoneOffset.ofHours(8)).getHour();
                double rhythm = 1 + 0.25 * Math.sin((hourOfDay - 8) / 24.0 * 2 * Math.PI);
                for (Map.Entry<String, Double> l : limits.entrySet()) {
                    if (!o.listed("cems", l.getKey())) {
                        continue;
                    }
                    double limit = o.flag("ultraLow")
                            ? Map.of("PM", 10.0, "SO2", 35.0, "NOx", 50.0).get(l.getKey())
                            : l.getValue();
                    double atRef = limit * (0.45 + 0.15 * random.nextDouble()) * rhythm;
                    long hoursBack = Duration.between(h, end).toHours();
                    if (episode
                            && hoursBack >= 50
                            && hoursBack < 54
                            && l.getKey().equals("NOx")) {
                        atRef = limit * (1.2 + 0.3 * random.nextDouble());
                    }
                    if (random.nextInt(900) == 0) {
                        atRef = limit * 1.15;
                    }
                    double o2 = ref + 1 + 2 * random.nextDouble();
                    double measured = atRef * (21 - o2) / (21 - ref);
                    int dice = random.nextInt(200);
                    String flag = dice == 0 ? "M" : dice == 1 ? "C" : dice == 2 ? "D" : "N";
                    boolean valid = flag.equals("N");
                    double valueRef = Math.round(atRef * 1000) / 1000.0;
                    boolean exceeds = valid && valueRef > limit;
                    rows.add(new Object[] {
                        o.id(),
                        l.getKey(),
                        h.toString(),
                        round(measured),
                        round(o2),
                        (double) Math.round(baseFlow * rhythm),
                        flag,
                        valid ? valueRef : null,
                        limit,
                        exceeds
                    });
                    if (exceeds) {
                        exceedances.add(new Object[] {
                            o.id(),
                            l.getKey(),
                            h.toString(),
                            valueRef,
                            limit,
                            Math.round(valueRef / limit * 1000) / 1000.0
                        });
                    }
                }
            }
        }
        for (int from = 0; from < rows.size(); from += 5000) {
            insert(rows.subList(from, Math.min(rows.size(), from + 5000))).block();
        }
        if (!exceedances.isEmpty()) {
            db.sql("insert into exceedance (outlet_id, pollutant, hour, value_ref, limit_mg_m3, ratio) select o, p, "
                            + "h::timestamptz, v, l, r from unnest(:o::text[], :p::text[], :h::text[], :v::float8[], "
                            + ":l::float8[], :r::float8[]) as t(o, p, h, v, l, r) on conflict do nothing")
                    .bind("o", column(exceedances, 0, String.class))
                    .bind("p", column(exceedances, 1, String.class))
                    .bind("h", column(exceedances, 2, String.class))
                    .bind("v", column(exceedances, 3, Double.class))
                    .bind("l", column(exceedances, 4, Double.class))
                    .bind("r", column(exceedances, 5, Double.class))
                    .then()
                    .block();
        }
        return rows.size();
    }

    private Mono<Void> insert(List<Object[]> rows) {
        return db.sql("insert into cems_hourly (outlet_id, pollutant, hour, measured, o2, flow, flag, value_ref, "
                        + "limit_mg_m3, exceeds, received_at) select o, p, h::timestamptz, m, x, f, fl, v, l, e, now() "
                        + "from unnest(:o::text[], :p::text[], :h::text[], :m::float8[], :x::float8[], :f::float8[], "
                        + ":fl::text[], :v::float8[], :l::float8[], :e::bool[]) as t(o, p, h, m, x, f, fl, v, l, e) "
                        + "on conflict do nothing")
                .bind("o", column(rows, 0, String.class))
                .bind("p", column(rows, 1, String.class))
                .bind("h", column(rows, 2, String.class))
                .bind("m", column(rows, 3, Double.class))
                .bind("x", column(rows, 4, Double.class))
                .bind("f", column(rows, 5, Double.class))
                .bind("fl", column(rows, 6, String.class))
                .bind("v", column(rows, 7, Double.class))
                .bind("l", column(rows, 8, Double.class))
                .bind("e", column(rows, 9, Boolean.class))
                .then();
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] column(List<Object[]> rows, int i, Class<T> type) {
        T[] out = (T[]) java.lang.reflect.Array.newInstance(type, rows.size());
        for (int r = 0; r < rows.size(); r++) {
            out[r] = type.cast(rows.get(r)[i]);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
