package cn.lantian.greening.idleland;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The idle-land task table. */
@Repository
class IdleLandTasks {

    private final DatabaseClient db;

    IdleLandTasks(DatabaseClient db) {
        this.db = db;
    }

    /** Stores a received task; a task id seen before is kept as it is. */
    Mono<Boolean> receive(IdleLandTask t, boolean demo) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into idle_land_task (task_id, parcel_id, area_m2, idle_since, due_by, rule, address, lon,
                            lat, jurisdiction, corps_unit, status, demo)
                        values (:id, :parcel, :area, :since, :due, :rule, :address, :lon, :lat, :jurisdiction, :corps,
                            'received', :demo)
                        on conflict (task_id) do nothing""")
                .bind("id", t.taskId())
                .bind("parcel", t.parcelId())
                .bind("area", t.areaM2())
                .bind("since", t.idleSince())
                .bind("due", t.dueBy())
                .bind("rule", t.rule())
                .bind("jurisdiction", t.jurisdiction())
                .bind("demo", demo);
        spec = nullable(spec, "address", t.address(), String.class);
        spec = nullable(spec, "lon", t.lon(), Double.class);
        spec = nullable(spec, "lat", t.lat(), Double.class);
        spec = nullable(spec, "corps", t.corpsUnit(), String.class);
        return spec.fetch().rowsUpdated().map(n -> n == 1);
    }

    Mono<IdleLandTask> find(String id) {
        return db.sql("select * from idle_land_task where task_id = :id")
                .bind("id", id)
                .map(IdleLandTasks::task)
                .one();
    }

    Flux<IdleLandTask> list(List<String> visible, String status, String jurisdiction, String after, int limit) {
        StringBuilder sql = new StringBuilder("select * from idle_land_task where true");
        if (visible != null) {
            sql.append(" and (jurisdiction = any(:v) or corps_unit = any(:v))");
        }
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (jurisdiction != null) {
            sql.append(" and (jurisdiction = :j or corps_unit = :j)");
        }
        if (after != null) {
            sql.append(" and task_id > :after");
        }
        sql.append(" order by task_id limit :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", limit + 1);
        if (visible != null) {
            spec = spec.bind("v", visible.toArray(String[]::new));
        }
        if (status != null) {
            spec = spec.bind("status", status);
        }
        if (jurisdiction != null) {
            spec = spec.bind("j", jurisdiction);
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(IdleLandTasks::task).all();
    }

    Mono<Void> plan(String id, String outcome, LocalDate on) {
        return db.sql("update idle_land_task set status = 'planned', planned_outcome = :o, planned_on = :on, "
                        + "updated_at = now() where task_id = :id")
                .bind("o", outcome)
                .bind("on", on)
                .bind("id", id)
                .then();
    }

    /** Marks the task done, unless it already is; answers whether it changed. */
    Mono<Boolean> done(String id, String outcome, double areaM2, LocalDate on, String greenedAreaId) {
        return nullable(
                        db.sql("update idle_land_task set status = 'done', outcome = :o, done_area_m2 = :a, "
                                        + "completed_on = :on, greened_area_id = :g, updated_at = now() "
                                        + "where task_id = :id and status <> 'done'")
                                .bind("o", outcome)
                                .bind("a", areaM2)
                                .bind("on", on)
                                .bind("id", id),
                        "g",
                        greenedAreaId,
                        String.class)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    private static IdleLandTask task(Readable r) {
        return new IdleLandTask(
                r.get("task_id", String.class),
                r.get("parcel_id", String.class),
                r.get("area_m2", Double.class),
                r.get("idle_since", LocalDate.class),
                r.get("due_by", LocalDate.class),
                r.get("rule", String.class),
                r.get("address", String.class),
                r.get("lon", Double.class),
                r.get("lat", Double.class),
                r.get("jurisdiction", String.class),
                r.get("corps_unit", String.class),
                r.get("status", String.class),
                r.get("planned_outcome", String.class),
                r.get("planned_on", LocalDate.class),
                r.get("outcome", String.class),
                r.get("done_area_m2", Double.class),
                r.get("completed_on", LocalDate.class),
                r.get("greened_area_id", String.class));
    }

    private static DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
