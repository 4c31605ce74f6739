package cn.lantian.stationary.demo;

import cn.lantian.stationary.permit.Permits;
import cn.lantian.stationary.registry.Enterprise;
import cn.lantian.stationary.registry.Facility;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo permits and emergency measures. The outlets' hourly CEMS values are not written here: the CEMS feed
 * ({@code feeds/}) brings them up to the current hour through the public intake, like a real CEMS gateway, so that
 * every exceedance raises its event and the joint index and enforcement agree with this service's tables.
 */
@Component
class DemoMonitoring {

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

    /** Writes the permits with their limits and the emergency measures. */
    void seed(List<Enterprise> enterprises, List<Facility> outlets, LocalDate today) {
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
}
