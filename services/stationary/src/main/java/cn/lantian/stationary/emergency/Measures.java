package cn.lantian.stationary.emergency;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The emergency reduction list in PostgreSQL. */
@Repository
class Measures {

    private final DatabaseClient db;

    Measures(DatabaseClient db) {
        this.db = db;
    }

    Mono<Measure> save(Measure m, Instant at, String by) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into emergency_measure (id, enterprise_id, line_id, "
                        + "step_id, facility_id, outlet_id, level, measure, pm_kg_d, so2_kg_d, nox_kg_d, vocs_kg_d, "
                        + "allowed_kw, allowed_flow_m3h, updated_at, updated_by) values (:id, :e, :line, :step, :fac, "
                        + ":outlet, :level, :measure, :pm, :so2, :nox, :vocs, :kw, :flow, :at, :by) "
                        + "on conflict (id) do update set line_id = excluded.line_id, step_id = excluded.step_id, "
                        + "facility_id = excluded.facility_id, outlet_id = excluded.outlet_id, level = excluded.level, "
                        + "measure = excluded.measure, pm_kg_d = excluded.pm_kg_d, so2_kg_d = excluded.so2_kg_d, "
                        + "nox_kg_d = excluded.nox_kg_d, vocs_kg_d = excluded.vocs_kg_d, allowed_kw = excluded.allowed_kw, "
                        + "allowed_flow_m3h = excluded.allowed_flow_m3h, updated_at = excluded.updated_at, "
                        + "updated_by = excluded.updated_by "
                        // A measure keeps its enterprise, whatever a caller names with its id.
                        + "where emergency_measure.enterprise_id = excluded.enterprise_id")
                .bind("id", m.id())
                .bind("e", m.enterpriseId())
                .bind("level", m.level())
                .bind("measure", m.measure())
                .bind("pm", m.pmKgD())
                .bind("so2", m.so2KgD())
                .bind("nox", m.noxKgD())
                .bind("vocs", m.vocsKgD())
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("by", by);
        spec = text(spec, "line", m.lineId());
        spec = text(spec, "step", m.stepId());
        spec = text(spec, "fac", m.facilityId());
        spec = text(spec, "outlet", m.outletId());
        spec = m.allowedKw() == null ? spec.bindNull("kw", Double.class) : spec.bind("kw", m.allowedKw());
        spec = m.allowedFlowM3h() == null ? spec.bindNull("flow", Double.class) : spec.bind("flow", m.allowedFlowM3h());
        return spec.then().thenReturn(m);
    }

    /** The measure with that id, whoever owns it. */
    Mono<Measure> find(String id) {
        return db.sql("select * from emergency_measure where id = :id")
                .bind("id", id)
                .map(r -> measure(r))
                .one();
    }

    Flux<Measure> ofEnterprise(String enterpriseId) {
        return db.sql("select * from emergency_measure where enterprise_id = :e order by level, id")
                .bind("e", enterpriseId)
                .map(r -> measure(r))
                .all();
    }

    /** Measures of that level for enterprises in the county (a prefecture-wide alert reaches every county). */
    Flux<Measure> forAlert(String county, String level) {
        return db.sql("select m.* from emergency_measure m join enterprise e on e.id = m.enterprise_id "
                        + "where m.level = :level and (:county = '653100' or e.jurisdiction = :county "
                        + "or e.corps_unit = :county) order by m.enterprise_id, m.id")
                .bind("level", level)
                .bind("county", county)
                .map(r -> measure(r))
                .all();
    }

    /** Measures in force now (their alert is active at their level) watching these outlets' flow. */
    Flux<Active> activeForOutlets(List<String> outlets) {
        return active("m.outlet_id = any(:ids) and m.allowed_flow_m3h is not null", outlets);
    }

    /** Measures in force now limiting these lines' electricity use. */
    Flux<Active> activeForLines(List<String> lines) {
        return active("m.line_id = any(:ids) and m.allowed_kw is not null", lines);
    }

    /** A measure in force under an alert. */
    record Active(Measure measure, String alertId, Instant effectiveFrom) {}

    private Flux<Active> active(String where, List<String> ids) {
        return db.sql("select m.*, a.alert_id, a.effective_from from emergency_measure m "
                        + "join enterprise e on e.id = m.enterprise_id join emergency_alert a on a.lifted_at is null "
                        + "and a.level = m.level and (a.county = '653100' or a.county = e.jurisdiction "
                        + "or a.county = e.corps_unit) where " + where)
                .bind("ids", ids.toArray(String[]::new))
                .map(r -> new Active(
                        measure(r),
                        r.get("alert_id", String.class),
                        r.get("effective_from", OffsetDateTime.class).toInstant()))
                .all();
    }

    private static DatabaseClient.GenericExecuteSpec text(
            DatabaseClient.GenericExecuteSpec spec, String name, String v) {
        return v == null || v.isBlank() ? spec.bindNull(name, String.class) : spec.bind(name, v);
    }

    static Measure measure(Readable r) {
        return new Measure(
                r.get("id", String.class),
                r.get("enterprise_id", String.class),
                r.get("line_id", String.class),
                r.get("step_id", String.class),
                r.get("facility_id", String.class),
                r.get("outlet_id", String.class),
                r.get("level", String.class),
                r.get("measure", String.class),
                r.get("pm_kg_d", Double.class),
                r.get("so2_kg_d", Double.class),
                r.get("nox_kg_d", Double.class),
                r.get("vocs_kg_d", Double.class),
                r.get("allowed_kw", Double.class),
                r.get("allowed_flow_m3h", Double.class));
    }
}
