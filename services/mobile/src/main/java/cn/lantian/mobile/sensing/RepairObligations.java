package cn.lantian.mobile.sensing;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Repair obligations in PostgreSQL. */
@Repository
class RepairObligations {

    private final DatabaseClient db;

    RepairObligations(DatabaseClient db) {
        this.db = db;
    }

    /** One page ordered by id, filtered to the visible units (null for all). */
    Flux<RepairObligation> page(List<String> units, String plate, String status, String after, int limit) {
        StringBuilder sql = new StringBuilder("select id, vehicle_id, plate, pollutant, failed_at, jurisdiction, "
                + "corps_unit, status, closed_at from repair_obligation where true");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
            binds.put("units", units.toArray(String[]::new));
        }
        if (plate != null) {
            sql.append(" and plate = :plate");
            binds.put("plate", plate);
        }
        if (status != null) {
            sql.append(" and status = :status");
            binds.put("status", status);
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
        return spec.map(r -> {
                    OffsetDateTime closed = r.get("closed_at", OffsetDateTime.class);
                    String corps = r.get("corps_unit", String.class);
                    return new RepairObligation(
                            r.get("id", String.class),
                            r.get("vehicle_id", String.class),
                            r.get("plate", String.class),
                            r.get("pollutant", String.class),
                            r.get("failed_at", OffsetDateTime.class).toInstant(),
                            corps != null ? corps : r.get("jurisdiction", String.class),
                            r.get("status", String.class),
                            closed == null ? null : closed.toInstant());
                })
                .all();
    }
}
