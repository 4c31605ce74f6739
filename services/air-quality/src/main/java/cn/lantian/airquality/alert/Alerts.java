package cn.lantian.airquality.alert;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Alerts and their history as stored by the alert cycle, read for the public list. */
@Repository
class Alerts {

    private final DatabaseClient db;

    Alerts(DatabaseClient db) {
        this.db = db;
    }

    /** An alert with its steps; {@code drill} for an exercise's alert. */
    record AlertView(
            String id,
            String county,
            String level,
            String rule,
            String basis,
            OffsetDateTime effectiveFrom,
            OffsetDateTime liftedAt,
            boolean drill,
            List<Step> history) {}

    /** One step of an alert. */
    record Step(String action, String level, String previousLevel, String rule, OffsetDateTime at) {}

    /** Alerts, newest first (at most 500): only current ones with {@code active}, one county's with {@code county}. */
    Flux<AlertView> list(String county, boolean active) {
        String sql = "select * from alert where (:county = '' or county = :county)"
                + (active ? " and lifted_at is null" : "") + " order by effective_from desc, id limit 500";
        return db.sql(sql)
                .bind("county", county == null ? "" : county)
                .map(r -> new AlertView(
                        r.get("id", String.class),
                        r.get("county", String.class),
                        r.get("level", String.class),
                        r.get("rule_id", String.class),
                        r.get("basis", String.class),
                        r.get("effective_from", OffsetDateTime.class),
                        r.get("lifted_at", OffsetDateTime.class),
                        Boolean.TRUE.equals(r.get("drill", Boolean.class)),
                        List.of()))
                .all()
                .concatMap(a -> db.sql("select * from alert_history where alert_id = :id order by seq")
                        .bind("id", a.id())
                        .map(r -> new Step(
                                r.get("action", String.class),
                                r.get("level", String.class),
                                r.get("previous_level", String.class),
                                r.get("rule_id", String.class),
                                r.get("at", OffsetDateTime.class)))
                        .all()
                        .collectList()
                        .map(h -> new AlertView(
                                a.id(),
                                a.county(),
                                a.level(),
                                a.rule(),
                                a.basis(),
                                a.effectiveFrom(),
                                a.liftedAt(),
                                a.drill(),
                                h)));
    }
}
