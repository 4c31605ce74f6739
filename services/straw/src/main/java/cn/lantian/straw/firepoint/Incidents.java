package cn.lantian.straw.firepoint;

import cn.lantian.eventing.CopyRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The incident and detection tables. Bulk writes go in with COPY, one per table. */
@Repository
public class Incidents {

    static final String COLUMNS = "id, lon, lat, first_at, last_at, detections, satellites, confidence, max_frp_mw, "
            + "jurisdiction, corps_unit, assigned_to, assigned_at, alert_id, status, verdict, material, handled_at, "
            + "response_minutes, note";

    private final DatabaseClient db;

    Incidents(DatabaseClient db) {
        this.db = db;
    }

    /** Serialises imports: merging must see every detection stored before it (transaction-scoped advisory lock). */
    Mono<Void> lockImports() {
        return db.sql("select pg_advisory_xact_lock(8084, 1)")
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Stored detections within the time range and box, with their incidents, for merging. */
    Flux<StoredDetection> detectionsNear(
            Instant from, Instant to, double minLat, double maxLat, double minLon, double maxLon) {
        return db.sql("""
                        select incident_id, lat, lon, acquired_at, satellite from detection
                        where acquired_at between :from and :to and lat between :minLat and :maxLat
                          and lon between :minLon and :maxLon""")
                .bind("from", from)
                .bind("to", to)
                .bind("minLat", minLat)
                .bind("maxLat", maxLat)
                .bind("minLon", minLon)
                .bind("maxLon", maxLon)
                .map((r, m) -> new StoredDetection(
                        r.get("incident_id", String.class),
                        r.get("lat", Double.class),
                        r.get("lon", Double.class),
                        r.get("acquired_at", Instant.class),
                        r.get("satellite", String.class)))
                .all();
    }

    /** A stored detection. */
    record StoredDetection(String incidentId, double lat, double lon, Instant at, String satellite) {}

    /**
     * Inserts new incidents with COPY. Imports are serialised and keep ids unique (an id derives from a detection
     * stored once), so a clash is a fault that fails the import, not a row to skip.
     */
    Mono<Long> insertIncidents(List<Incident> incidents) {
        CopyRows rows = new CopyRows();
        for (Incident x : incidents) {
            rows.text(x.id())
                    .number(x.lon())
                    .number(x.lat())
                    .instant(x.firstAt())
                    .instant(x.lastAt())
                    .number(x.detections())
                    .array(x.satellites())
                    .text(x.confidence())
                    .number(x.maxFrpMw())
                    .text(x.jurisdiction())
                    .text(x.corpsUnit())
                    .text(x.assignedTo())
                    .instant(x.assignedAt())
                    .text(x.alertId())
                    .end();
        }
        return rows.send(db, """
                copy incident (id, lon, lat, first_at, last_at, detections, satellites, confidence, max_frp_mw,
                               jurisdiction, corps_unit, assigned_to, assigned_at, alert_id) from stdin""");
    }

    /**
     * Inserts detections with their incidents with COPY; the caller has left out every row stored before (the same
     * row twice fails the import on the unique key rather than being stored twice).
     */
    Mono<Long> insertDetections(List<Merger.Assignment> assignments) {
        CopyRows rows = new CopyRows();
        for (Merger.Assignment a : assignments) {
            Detection d = a.detection();
            rows.text(a.incidentId())
                    .number(d.lat())
                    .number(d.lon())
                    .instant(d.acquiredAt())
                    .text(d.satellite())
                    .text(d.instrument())
                    .text(d.confidence())
                    .number(d.brightnessK())
                    .number(d.frpMw())
                    .text(d.daynight())
                    .end();
        }
        return rows.send(db, """
                copy detection (incident_id, lat, lon, acquired_at, satellite, instrument, confidence, brightness_k,
                                frp_mw, daynight) from stdin""");
    }

    /** Recomputes the summary of incidents that detections joined: times, count, satellites, strongest FRP. */
    Mono<Long> refresh(List<String> incidentIds) {
        if (incidentIds.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                        update incident i set first_at = a.f, last_at = a.l, detections = a.n, satellites = a.s,
                               max_frp_mw = a.m
                        from (select incident_id, min(acquired_at) f, max(acquired_at) l, count(*)::int n,
                                     array_agg(distinct satellite order by satellite) s, max(frp_mw) m
                              from detection where incident_id = any(:ids) group by incident_id) a
                        where i.id = a.incident_id""")
                .bind("ids", incidentIds.toArray(String[]::new))
                .fetch()
                .rowsUpdated();
    }

    /** One incident. */
    public Mono<Incident> find(String id) {
        return db.sql("select " + COLUMNS + " from incident where id = :id")
                .bind("id", id)
                .map(Incidents::read)
                .one();
    }

    /** One incident, locked for the rest of the transaction. */
    public Mono<Incident> lock(String id) {
        return db.sql("select " + COLUMNS + " from incident where id = :id for update")
                .bind("id", id)
                .map(Incidents::read)
                .one();
    }

    /** A filtered page of incidents ordered by id; {@code units} null means every jurisdiction. */
    Flux<Incident> page(
            List<String> units,
            String jurisdiction,
            String status,
            String verdict,
            Instant from,
            Instant to,
            String after,
            int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from incident where true");
        Map<String, Object> binds = new java.util.HashMap<>();
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
            binds.put("units", units.toArray(String[]::new));
        }
        if (jurisdiction != null) {
            sql.append(" and (jurisdiction = :j or corps_unit = :j)");
            binds.put("j", jurisdiction);
        }
        if (status != null) {
            sql.append(" and status = :status");
            binds.put("status", status);
        }
        if (verdict != null) {
            sql.append(" and verdict = :verdict");
            binds.put("verdict", verdict);
        }
        if (from != null) {
            sql.append(" and first_at >= :from");
            binds.put("from", from);
        }
        if (to != null) {
            sql.append(" and first_at < :to");
            binds.put("to", to);
        }
        if (after != null) {
            sql.append(" and id > :after");
            binds.put("after", after);
        }
        sql.append(" order by id limit :limit");
        binds.put("limit", limit);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.map(Incidents::read).all();
    }

    /** The detections of an incident, in time order. */
    Flux<Map<String, Object>> detectionsOf(String incidentId) {
        return db.sql("""
                        select satellite, instrument, acquired_at, lat, lon, confidence, frp_mw, brightness_k, daynight
                        from detection where incident_id = :id order by acquired_at, id""").bind("id", incidentId).fetch().all();
    }

    /** Records the assignment to a township or regiment. */
    public Mono<Long> assign(String id, String assignedTo, Instant at) {
        return db.sql("update incident set assigned_to = :to, assigned_at = :at where id = :id")
                .bind("to", assignedTo)
                .bind("at", at)
                .bind("id", id)
                .fetch()
                .rowsUpdated();
    }

    /** Records the patrol's verdict and closes the incident. */
    public Mono<Long> handle(
            String id,
            String verdict,
            String material,
            Instant handledAt,
            int responseMinutes,
            String note,
            String handledBy) {
        var spec = db.sql("""
                        update incident set status = 'handled', verdict = :verdict, material = :material,
                               handled_at = :at, response_minutes = :minutes, note = :note, handled_by = :by
                        where id = :id and status = 'open'""")
                .bind("verdict", verdict)
                .bind("at", handledAt)
                .bind("minutes", responseMinutes)
                .bind("by", handledBy)
                .bind("id", id);
        spec = material == null ? spec.bindNull("material", String.class) : spec.bind("material", material);
        spec = note == null ? spec.bindNull("note", String.class) : spec.bind("note", note);
        return spec.fetch().rowsUpdated();
    }

    static Incident read(io.r2dbc.spi.Readable r) {
        String[] satellites = r.get("satellites", String[].class);
        return new Incident(
                r.get("id", String.class),
                r.get("lon", Double.class),
                r.get("lat", Double.class),
                r.get("first_at", Instant.class),
                r.get("last_at", Instant.class),
                r.get("detections", Integer.class),
                satellites == null ? List.of() : new ArrayList<>(Arrays.asList(satellites)),
                r.get("confidence", String.class),
                r.get("max_frp_mw", Double.class),
                r.get("jurisdiction", String.class),
                r.get("corps_unit", String.class),
                r.get("assigned_to", String.class),
                r.get("assigned_at", Instant.class),
                r.get("alert_id", String.class),
                r.get("status", String.class),
                r.get("verdict", String.class),
                r.get("material", String.class),
                r.get("handled_at", Instant.class),
                r.get("response_minutes", Integer.class),
                r.get("note", String.class));
    }
}
