package cn.lantian.dust.idleland;

import static cn.lantian.dust.db.Binds.bind;

import cn.lantian.dust.db.Binds;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Parcels and their tasks. */
@Repository
class Parcels {

    private final DatabaseClient db;

    Parcels(DatabaseClient db) {
        this.db = db;
    }

    Mono<Parcel> byId(String id) {
        return db.sql("select * from parcel where id = :id")
                .bind("id", id)
                .map(Parcels::parcel)
                .one();
    }

    /** Inserts a parcel; false when the id exists. */
    Mono<Boolean> insert(Parcel p) {
        GenericExecuteSpec spec = db.sql("""
                insert into parcel (id, area_m2, idle_since, address, lon, lat, jurisdiction, corps_unit, status)
                values (:id, :area, :since, :address, :lon, :lat, :jurisdiction, :corps, :status)
                on conflict (id) do nothing""")
                .bind("id", p.id())
                .bind("area", p.areaM2())
                .bind("since", p.idleSince())
                .bind("lon", p.lon())
                .bind("lat", p.lat())
                .bind("jurisdiction", p.jurisdiction())
                .bind("status", p.status());
        spec = bind(spec, "address", p.address(), String.class);
        spec = bind(spec, "corps", p.corpsUnit(), String.class);
        return spec.fetch().rowsUpdated().map(n -> n == 1);
    }

    Flux<Parcel> page(List<String> units, String status, String after, int limit) {
        StringBuilder sql = new StringBuilder("select * from parcel where true");
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
        }
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (after != null) {
            sql.append(" and id > :after");
        }
        GenericExecuteSpec spec =
                db.sql(sql.append(" order by id limit :limit").toString()).bind("limit", limit + 1);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        if (status != null) {
            spec = spec.bind("status", status);
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(Parcels::parcel).all();
    }

    /** Idle parcels idle since before the day, oldest first. */
    Flux<Parcel> idleSince(LocalDate before, int limit) {
        return db.sql("select * from parcel where status = 'idle' and idle_since < :before order by idle_since, id "
                        + "limit :limit")
                .bind("before", before)
                .bind("limit", limit)
                .map(Parcels::parcel)
                .all();
    }

    Mono<Void> status(String parcelId, String status) {
        return db.sql("update parcel set status = :status, updated_at = now() where id = :id")
                .bind("status", status)
                .bind("id", parcelId)
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Opens a task; false when it exists already. */
    Mono<Boolean> open(IdleTask t) {
        return db.sql("""
                insert into idle_task (id, parcel_id, opened_at, due_by, status) values (:id, :parcel, :at, :due, 'open')
                on conflict (id) do nothing""")
                .bind("id", t.id())
                .bind("parcel", t.parcelId())
                .bind("at", t.openedAt().atOffset(ZoneOffset.UTC))
                .bind("due", t.dueBy())
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    /** Closes an open task; empty when there is no open task of that id and parcel. */
    Mono<IdleTask> close(String taskId, String parcelId, String outcome, LocalDate completedOn, Instant at) {
        return db.sql("""
                update idle_task set status = 'closed', outcome = :outcome, completed_on = :on, closed_at = :at
                where id = :id and parcel_id = :parcel and status = 'open' returning *""")
                .bind("outcome", outcome)
                .bind("on", completedOn)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("id", taskId)
                .bind("parcel", parcelId)
                .map(Parcels::task)
                .one();
    }

    Flux<IdleTask> tasksOf(String parcelId) {
        return db.sql("select * from idle_task where parcel_id = :p order by opened_at")
                .bind("p", parcelId)
                .map(Parcels::task)
                .all();
    }

    static IdleTask task(Readable r) {
        return new IdleTask(
                r.get("id", String.class),
                r.get("parcel_id", String.class),
                Binds.instant(r, "opened_at"),
                r.get("due_by", LocalDate.class),
                r.get("status", String.class),
                r.get("outcome", String.class),
                r.get("completed_on", LocalDate.class));
    }

    static Parcel parcel(Readable r) {
        return new Parcel(
                r.get("id", String.class),
                r.get("area_m2", BigDecimal.class),
                r.get("idle_since", LocalDate.class),
                r.get("address", String.class),
                r.get("lon", Double.class),
                r.get("lat", Double.class),
                r.get("jurisdiction", String.class),
                r.get("corps_unit", String.class),
                r.get("status", String.class));
    }
}
