package cn.lantian.mobile.machinery;

import cn.lantian.reference.Placement;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Registered machines in PostgreSQL. */
@Repository
class Machines {

    static final String COLUMNS = "id, code, kind, maker, model, production_date, emission_stage, fuel, "
            + "after_treatment, owner, operator, contact, jurisdiction, corps_unit, machine_nameplate, "
            + "engine_nameplate, environmental_label, acquired_on, registered_on, late, registered_at, registered_by";

    private final DatabaseClient db;

    Machines(DatabaseClient db) {
        this.db = db;
    }

    /** The next registration code for a machine registered in that unit: {@code NRMM-<unit>-<6-digit number>}. */
    Mono<String> nextCode(String unit) {
        return db.sql("select nextval('machine_code_seq') as n")
                .map(r -> r.get("n", Long.class))
                .one()
                .map(n -> "NRMM-" + unit.toUpperCase(java.util.Locale.ROOT) + "-" + String.format("%06d", n));
    }

    Mono<Machine> byCode(String code) {
        return db.sql("select " + COLUMNS + " from machine where code = :c")
                .bind("c", code)
                .map(Machines::read)
                .one();
    }

    Mono<Machine> insert(Machine m) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into machine (" + COLUMNS + ") values (:id, :code, "
                        + ":kind, :maker, :model, :produced, :stage, :fuel, :after, :owner, :operator, :contact, :j, "
                        + ":corps, :machinePlate, :enginePlate, :label, :acquired, :registered, :late, :at, :by)")
                .bind("id", m.id())
                .bind("code", m.code())
                .bind("kind", m.kind())
                .bind("maker", m.maker())
                .bind("produced", m.productionDate())
                .bind("stage", m.emissionStage())
                .bind("fuel", m.fuel())
                .bind("after", m.afterTreatment().toArray(String[]::new))
                .bind("owner", m.owner())
                .bind("contact", m.contact())
                .bind("j", m.placement().jurisdiction())
                .bind("machinePlate", m.photos().machineNameplate())
                .bind("enginePlate", m.photos().engineNameplate())
                .bind("registered", m.registeredOn())
                .bind("late", m.late())
                .bind("at", OffsetDateTime.ofInstant(m.registeredAt(), ZoneOffset.UTC))
                .bind("by", m.registeredBy());
        spec = nullable(spec, "model", m.model(), String.class);
        spec = nullable(spec, "operator", m.operator(), String.class);
        spec = nullable(spec, "corps", m.placement().corpsUnit(), String.class);
        spec = nullable(spec, "label", m.photos().environmentalLabel(), String.class);
        spec = nullable(spec, "acquired", m.acquiredOn(), LocalDate.class);
        return spec.then().thenReturn(m);
    }

    /**
     * One page of machines ordered by code.
     *
     * @param units the jurisdictions whose records are visible, null for all
     * @param filters jurisdiction, kind, stage
     */
    Flux<Machine> page(List<String> units, Map<String, String> filters, String after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from machine where true");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
            binds.put("units", units.toArray(String[]::new));
        }
        if (filters.get("jurisdiction") != null) {
            sql.append(" and (jurisdiction = :j or corps_unit = :j)");
            binds.put("j", filters.get("jurisdiction"));
        }
        if (filters.get("kind") != null) {
            sql.append(" and kind = :kind");
            binds.put("kind", filters.get("kind"));
        }
        if (filters.get("stage") != null) {
            sql.append(" and emission_stage = :stage");
            binds.put("stage", filters.get("stage"));
        }
        if (after != null) {
            sql.append(" and code > :after");
            binds.put("after", after);
        }
        sql.append(" order by code limit :limit");
        binds.put("limit", limit);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.map(Machines::read).all();
    }

    static Machine read(Readable r) {
        String jurisdiction = r.get("jurisdiction", String.class);
        String corps = r.get("corps_unit", String.class);
        String[] after = r.get("after_treatment", String[].class);
        return new Machine(
                r.get("id", String.class),
                r.get("code", String.class),
                r.get("kind", String.class),
                r.get("maker", String.class),
                r.get("model", String.class),
                r.get("production_date", LocalDate.class),
                r.get("emission_stage", String.class),
                r.get("fuel", String.class),
                after == null ? List.of() : List.of(after),
                r.get("owner", String.class),
                r.get("operator", String.class),
                r.get("contact", String.class),
                corps != null ? corps : jurisdiction,
                new Photos(
                        r.get("machine_nameplate", String.class),
                        r.get("engine_nameplate", String.class),
                        r.get("environmental_label", String.class)),
                r.get("acquired_on", LocalDate.class),
                r.get("registered_on", LocalDate.class),
                Boolean.TRUE.equals(r.get("late", Boolean.class)),
                r.get("registered_at", OffsetDateTime.class).toInstant(),
                r.get("registered_by", String.class),
                new Placement(jurisdiction, corps));
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
