package cn.lantian.dust.muck;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.db.Binds;
import cn.lantian.dust.events.DustEvents;
import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.security.Caller;
import cn.lantian.web.Conflict;
import io.r2dbc.spi.Readable;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Stores muck-truck violations and publishes {@code muck-truck-violation} with each, in one transaction. */
@Service
class MuckViolations {

    private final DatabaseClient db;
    private final Access access;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    MuckViolations(DatabaseClient db, Access access, Outbox outbox, TransactionalOperator tx) {
        this.db = db;
        this.access = access;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** Records a violation where the caller governs, with its event. */
    Mono<MuckViolation> record(Caller caller, MuckViolation v) {
        access.checkWrite(caller, Access.DUST_AGENCIES, v.placement());
        return tx.transactional(insert(v, caller.username()).then(outbox.append(event(v))))
                .thenReturn(v);
    }

    Mono<Boolean> exists(String id) {
        return db.sql("select 1 from muck_violation where id = :id")
                .bind("id", id)
                .map(r -> true)
                .one()
                .defaultIfEmpty(false);
    }

    /** A page in id order of the violations in the units (all where null), of one kind and one plate where given. */
    Flux<MuckViolation> page(List<String> units, String kind, String plate, String after, int limit) {
        StringBuilder sql = new StringBuilder("select * from muck_violation where true");
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
        }
        if (kind != null) {
            sql.append(" and :kind = any(kinds)");
        }
        if (plate != null) {
            sql.append(" and plate = :plate");
        }
        if (after != null) {
            sql.append(" and id > :after");
        }
        sql.append(" order by id limit :limit");
        GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", limit + 1);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        if (kind != null) {
            spec = spec.bind("kind", kind);
        }
        if (plate != null) {
            spec = spec.bind("plate", plate);
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(MuckViolations::violation).all();
    }

    private Mono<Void> insert(MuckViolation v, String by) {
        var spec = db.sql("""
                insert into muck_violation (id, plate, kinds, at, site_id, lon, lat, jurisdiction, corps_unit,
                  recorded_by, photos)
                values (:id, :plate, :kinds, :at, :site, :lon, :lat, :jurisdiction, :corps, :by, :photos)
                on conflict (id) do nothing""")
                .bind("id", v.id())
                .bind("plate", v.plate())
                .bind("kinds", v.kinds().toArray(String[]::new))
                .bind("at", v.at().atOffset(ZoneOffset.UTC))
                .bind("lon", v.lon())
                .bind("lat", v.lat())
                .bind("jurisdiction", v.jurisdiction())
                .bind("by", by)
                .bind("photos", v.photos().toArray(String[]::new));
        spec = Binds.bind(spec, "site", v.siteId(), String.class);
        spec = Binds.bind(spec, "corps", v.corpsUnit(), String.class);
        return spec.fetch()
                .rowsUpdated()
                .flatMap(n -> n == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new Conflict("Violation " + v.id() + " exists already.")));
    }

    private static MuckViolation violation(Readable r) {
        return new MuckViolation(
                r.get("id", String.class),
                r.get("plate", String.class),
                Arrays.asList(r.get("kinds", String[].class)),
                Binds.instant(r, "at"),
                r.get("site_id", String.class),
                r.get("lon", Double.class),
                r.get("lat", Double.class),
                r.get("jurisdiction", String.class),
                r.get("corps_unit", String.class),
                Arrays.asList(r.get("photos", String[].class)));
    }

    private static OutgoingEvent event(MuckViolation v) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("violationId", v.id());
        data.put("plate", v.plate());
        data.put("kinds", v.kinds());
        data.put("at", v.at().toString());
        if (v.siteId() != null) {
            data.put("siteId", v.siteId());
        }
        data.put("photos", v.photos());
        data.put("location", DustEvents.location(v.lon(), v.lat()));
        return OutgoingEvent.of(
                        DustEvents.MUCK_TRUCK_VIOLATION,
                        "muck-truck/" + v.plate(),
                        v.placement(),
                        "urban-management",
                        data)
                .withSeverity("minor")
                .at(v.at());
    }
}
