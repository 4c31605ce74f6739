package cn.lantian.mobile.inspection;

import cn.lantian.reference.Placement;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Fraud findings in PostgreSQL. */
@Repository
public class Findings {

    private static final String COLUMNS = "id, signal, station_id, test_ids, plates, summary, detected_at, status, "
            + "decided_at, decided_by, decision_note, jurisdiction, corps_unit";

    private final DatabaseClient db;

    Findings(DatabaseClient db) {
        this.db = db;
    }

    /** Stores a finding unless one with its id exists; emits whether it is new. */
    Mono<Boolean> add(Finding f, Placement placement, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into fraud_finding (id, signal, station_id, test_ids, "
                        + "plates, summary, detected_at, jurisdiction, corps_unit) values (:id, :signal, :station, "
                        + ":tests, :plates, :summary, :at, :jurisdiction, :corps) on conflict (id) do nothing")
                .bind("id", f.id())
                .bind("signal", f.signal())
                .bind("station", f.stationId())
                .bind("tests", f.testIds().toArray(String[]::new))
                .bind("plates", f.plates().toArray(String[]::new))
                .bind("summary", f.summary())
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("jurisdiction", placement.jurisdiction());
        spec = placement.corpsUnit() == null
                ? spec.bindNull("corps", String.class)
                : spec.bind("corps", placement.corpsUnit());
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The finding with that id. */
    Mono<FraudFinding> byId(String id) {
        return db.sql("select " + COLUMNS + " from fraud_finding where id = :id")
                .bind("id", id)
                .map(Findings::read)
                .one();
    }

    /** Records an officer's decision on a suspected finding; emits whether it was still suspected. */
    Mono<Boolean> decide(String id, String status, String note, String by, Instant at) {
        return db.sql("update fraud_finding set status = :status, decision_note = :note, decided_by = :by, "
                        + "decided_at = :at where id = :id and status = 'suspected'")
                .bind("status", status)
                .bind("note", note)
                .bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    /** One page ordered by id, filtered to the visible units (null for all). */
    Flux<FraudFinding> page(List<String> units, String station, String signal, String status, String after, int limit) {
        String sql = "select " + COLUMNS + " from fraud_finding where true"
                + (units == null ? "" : " and (jurisdiction = any(:units) or corps_unit = any(:units))")
                + (station == null ? "" : " and station_id = :station")
                + (signal == null ? "" : " and signal = :signal")
                + (status == null ? "" : " and status = :status")
                + (after == null ? "" : " and id > :after") + " order by id limit :limit";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("limit", limit);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        if (station != null) {
            spec = spec.bind("station", station);
        }
        if (signal != null) {
            spec = spec.bind("signal", signal);
        }
        if (status != null) {
            spec = spec.bind("status", status);
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(Findings::read).all();
    }

    /** Confirmed findings, newest decision first, for the public disclosure. */
    public Flux<FraudFinding> confirmed(String after, int limit) {
        return db.sql("select " + COLUMNS + " from fraud_finding where status = 'confirmed'"
                        + (after == null ? "" : " and id > :after") + " order by id limit :limit")
                .bind("limit", limit)
                .bindValues(after == null ? java.util.Map.of() : java.util.Map.of("after", after))
                .map(Findings::read)
                .all();
    }

    /** Confirmed findings per station, for the public disclosure. */
    public Mono<java.util.Map<String, Long>> confirmedPerStation() {
        return db.sql("select station_id, count(*) as n from fraud_finding where status = 'confirmed' "
                        + "group by station_id")
                .map(r -> java.util.Map.entry(r.get("station_id", String.class), r.get("n", Long.class)))
                .all()
                .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue);
    }

    private static FraudFinding read(Readable r) {
        String jurisdiction = r.get("jurisdiction", String.class);
        String corps = r.get("corps_unit", String.class);
        OffsetDateTime decided = r.get("decided_at", OffsetDateTime.class);
        return new FraudFinding(
                r.get("id", String.class),
                r.get("signal", String.class),
                r.get("station_id", String.class),
                Arrays.asList(r.get("test_ids", String[].class)),
                Arrays.asList(r.get("plates", String[].class)),
                r.get("summary", String.class),
                r.get("detected_at", OffsetDateTime.class).toInstant(),
                r.get("status", String.class),
                decided == null ? null : decided.toInstant(),
                r.get("decided_by", String.class),
                r.get("decision_note", String.class),
                corps != null ? corps : jurisdiction);
    }
}
