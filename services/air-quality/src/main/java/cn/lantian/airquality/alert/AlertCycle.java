package cn.lantian.airquality.alert;

import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.Placement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores a county's forecast and moves its alert: issue, upgrade, downgrade or lift, each step kept in the history and
 * published through the outbox in the same transaction.
 */
@Service
public class AlertCycle {

    private static final ZoneId CHINA = cn.lantian.airquality.observation.HourlyAqi.CHINA;
    private static final String AGENCY = "ecology";

    private final DatabaseClient db;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final AlertRules rules;

    public AlertCycle(DatabaseClient db, Outbox outbox, TransactionalOperator tx) {
        this.db = db;
        this.outbox = outbox;
        this.tx = tx;
        this.rules = AlertRules.load();
    }

    /** What a forecast did to the county's alert. */
    public record Outcome(
            String county, String action, String alertId, String level, String previousLevel, String rule) {}

    /**
     * Takes a county's forecast (replacing earlier forecasts of the same days) and applies the rule table to the
     * forecast from {@code issuedAt}'s day on.
     */
    public Mono<Outcome> forecast(String county, Instant issuedAt, List<ForecastDay> days) {
        return forecast(county, issuedAt, days, false);
    }

    /**
     * As {@link #forecast(String, Instant, List)}; with {@code drill} an alert this forecast issues is a drill's, and
     * every step of it says so (a drill's alert stays a drill when a later forecast moves or lifts it).
     */
    public Mono<Outcome> forecast(String county, Instant issuedAt, List<ForecastDay> days, boolean drill) {
        LocalDate today = issuedAt.atZone(CHINA).toLocalDate();
        Mono<Outcome> work = Flux.fromIterable(days)
                .concatMap(d -> db.sql("""
                        insert into forecast (county, day, aqi, dust, issued_at) values (:county, :day, :aqi, :dust, :issued)
                        on conflict (county, day) do update set aqi = excluded.aqi, dust = excluded.dust,
                          issued_at = excluded.issued_at where forecast.issued_at <= excluded.issued_at""")
                        .bind("county", county)
                        .bind("day", d.day())
                        .bind("aqi", d.aqi())
                        .bind("dust", d.dust())
                        .bind("issued", issuedAt.atZone(CHINA).toOffsetDateTime())
                        .then())
                .then(db.sql(
                                "select day, aqi, dust from forecast where county = :county and day >= :today order by day")
                        .bind("county", county)
                        .bind("today", today)
                        .map(r -> new ForecastDay(
                                r.get("day", LocalDate.class),
                                r.get("aqi", Integer.class),
                                Boolean.TRUE.equals(r.get("dust", Boolean.class))))
                        .all()
                        .collectList())
                .flatMap(forecast -> transition(county, issuedAt, rules.decide(forecast), drill));
        return tx.transactional(work);
    }

    private Mono<Outcome> transition(String county, Instant at, AlertRules.Decision decision, boolean drill) {
        return db.sql("select id, level, drill from alert where county = :county and lifted_at is null")
                .bind("county", county)
                .map(r -> new Object[] {
                    r.get("id", String.class),
                    AlertLevel.of(r.get("level", String.class)),
                    Boolean.TRUE.equals(r.get("drill", Boolean.class))
                })
                .one()
                .defaultIfEmpty(new Object[] {null, AlertLevel.NONE, drill})
                .flatMap(current -> {
                    String id = (String) current[0];
                    AlertLevel previous = (AlertLevel) current[1];
                    boolean drilled = (Boolean) current[2];
                    AlertLevel next = decision.level();
                    if (next == previous) {
                        return Mono.just(new Outcome(
                                county,
                                "unchanged",
                                id,
                                next.wire(),
                                previous.wire(),
                                decision.rule() == null ? null : decision.rule().id()));
                    }
                    if (previous == AlertLevel.NONE) {
                        String newId = "alert-" + county + "-"
                                + DateTimeFormatter.BASIC_ISO_DATE.format(
                                        at.atZone(CHINA).toLocalDate());
                        return issue(newId, county, at, decision, drilled);
                    }
                    if (next == AlertLevel.NONE) {
                        return lift(id, county, at, previous, drilled);
                    }
                    return change(id, county, at, previous, decision, drilled);
                });
    }

    private Mono<Outcome> issue(String baseId, String county, Instant at, AlertRules.Decision d, boolean drill) {
        // Two episodes may start on one day: number the second.
        return db.sql("select count(*) as n from alert where id like :prefix")
                .bind("prefix", baseId + "%")
                .map(r -> r.get("n", Long.class))
                .one()
                .map(n -> n == 0 ? baseId : baseId + "-" + (n + 1))
                .flatMap(id -> db.sql("""
                                insert into alert (id, county, level, rule_id, basis, effective_from, drill)
                                values (:id, :county, :level, :rule, :basis, :at, :drill)""")
                        .bind("id", id)
                        .bind("drill", drill)
                        .bind("county", county)
                        .bind("level", d.level().wire())
                        .bind("rule", d.rule().id())
                        .bind("basis", d.rule().basis())
                        .bind("at", at.atZone(CHINA).toOffsetDateTime())
                        .then()
                        .then(step(
                                id,
                                county,
                                at,
                                "issued",
                                d.level(),
                                AlertLevel.NONE,
                                d.rule().id(),
                                d.rule().basis(),
                                drill)));
    }

    private Mono<Outcome> change(
            String id, String county, Instant at, AlertLevel previous, AlertRules.Decision d, boolean drill) {
        String action = d.level().compareTo(previous) > 0 ? "upgraded" : "downgraded";
        return db.sql("update alert set level = :level, rule_id = :rule, basis = :basis where id = :id")
                .bind("level", d.level().wire())
                .bind("rule", d.rule().id())
                .bind("basis", d.rule().basis())
                .bind("id", id)
                .then()
                .then(step(
                        id,
                        county,
                        at,
                        action,
                        d.level(),
                        previous,
                        d.rule().id(),
                        d.rule().basis(),
                        drill));
    }

    private Mono<Outcome> lift(String id, String county, Instant at, AlertLevel previous, boolean drill) {
        String basis = "预测不再满足任何预警条件 forecast no longer meets any alert rule";
        return db.sql("update alert set lifted_at = :at where id = :id")
                .bind("at", at.atZone(CHINA).toOffsetDateTime())
                .bind("id", id)
                .then()
                // The contract's level enum has no "none": a lifted alert carries the level it had.
                .then(step(id, county, at, "lifted", previous, previous, "alert-lifted", basis, drill));
    }

    private Mono<Outcome> step(
            String id,
            String county,
            Instant at,
            String action,
            AlertLevel level,
            AlertLevel previous,
            String ruleId,
            String basis,
            boolean drill) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", id);
        data.put("county", county);
        data.put("level", level.wire());
        data.put("previousLevel", previous.wire());
        data.put(
                "effectiveFrom",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(CHINA).toOffsetDateTime()));
        data.put("basis", basis);
        data.put("rule", Map.of("id", ruleId, "source", rules.source()));
        data.put("drill", drill);
        // Version 2 carries the drill mark; the consumers take v1 and v2 alike.
        OutgoingEvent event = OutgoingEvent.of(
                        "lantian.air-quality.alert-" + action + ".v2",
                        "alert/" + id,
                        new Placement(county, null),
                        AGENCY,
                        data)
                .withSeverity(level.severity())
                .at(at);
        return db.sql("""
                        insert into alert_history (alert_id, action, level, previous_level, rule_id, basis, at)
                        values (:id, :action, :level, :previous, :rule, :basis, :at)""")
                .bind("id", id)
                .bind("action", action)
                .bind("level", level.wire())
                .bind("previous", previous.wire())
                .bind("rule", ruleId)
                .bind("basis", basis)
                .bind("at", at.atZone(CHINA).toOffsetDateTime())
                .then()
                .then(outbox.append(event))
                .thenReturn(new Outcome(county, action, id, level.wire(), previous.wire(), ruleId));
    }
}
