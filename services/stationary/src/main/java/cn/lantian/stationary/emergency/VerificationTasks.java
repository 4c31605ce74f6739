package cn.lantian.stationary.emergency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** The verification tasks an alert opens at the enterprises of its reduction list, as read back by officers. */
@Repository
class VerificationTasks {

    /** One verification task. */
    record Task(
            String id,
            String alertId,
            String measureId,
            String enterpriseId,
            String level,
            String status,
            Instant createdAt,
            Instant endedAt) {}

    private final DatabaseClient db;

    VerificationTasks(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Up to 1,000 tasks of a status, of one alert or all, at enterprises in the given units (null: everywhere), by id.
     */
    Flux<Task> list(String alertId, String status, List<String> units) {
        String sql =
                "select t.* from verification_task t join enterprise e on e.id = t.enterprise_id where t.status = :s"
                        + (alertId == null ? "" : " and t.alert_id = :a")
                        + (units == null ? "" : " and (e.jurisdiction = any(:u) or e.corps_unit = any(:u))")
                        + " order by t.id limit 1000";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("s", status);
        if (alertId != null) {
            spec = spec.bind("a", alertId);
        }
        if (units != null) {
            spec = spec.bind("u", units.toArray(String[]::new));
        }
        return spec.map(r -> {
                    OffsetDateTime ended = r.get("ended_at", OffsetDateTime.class);
                    return new Task(
                            r.get("id", String.class),
                            r.get("alert_id", String.class),
                            r.get("measure_id", String.class),
                            r.get("enterprise_id", String.class),
                            r.get("level", String.class),
                            r.get("status", String.class),
                            r.get("created_at", OffsetDateTime.class).toInstant(),
                            ended == null ? null : ended.toInstant());
                })
                .all();
    }
}
