package cn.lantian.greening.emergency;

import cn.lantian.greening.events.Events;
import cn.lantian.greening.rules.EmergencyMeasures;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Puts a county's greening measures in force when an alert is issued or changes level (raising
 * {@code emergency-measures-activated.v1} with the measures and the county's open idle-land tasks), and ends them when
 * it is lifted or moves to a level that drops some of them ({@code emergency-measures-ended.v1} names those that end).
 */
@Service
class EmergencyService {

    private final DatabaseClient db;
    private final EmergencyMeasures measures;
    private final Jurisdictions jurisdictions;
    private final Events events;

    EmergencyService(DatabaseClient db, EmergencyMeasures measures, Jurisdictions jurisdictions, Events events) {
        this.db = db;
        this.measures = measures;
        this.jurisdictions = jurisdictions;
        this.events = events;
    }

    /** An alert as announced by the air-quality service. */
    record Alert(String alertId, String county, String level, Instant effectiveFrom) {}

    /** An alert in force, as listed. */
    record Active(String alertId, String county, String level, OffsetDateTime effectiveFrom, List<String> measures) {}

    /**
     * Puts the alert's level in force.
     *
     * @throws IllegalArgumentException (as the Mono's error) for a county or level this service does not know
     */
    Mono<Void> inForce(Alert alert) {
        return Mono.defer(() -> {
            Jurisdiction county = jurisdictions
                    .byId(alert.county())
                    .filter(j -> j.kind() == Jurisdiction.Kind.COUNTY || j.isCorps())
                    .orElse(null);
            if (county == null) {
                return Mono.error(new IllegalArgumentException("alert " + alert.alertId() + ": county " + alert.county()
                        + " is not a county or Corps unit of the reference data"));
            }
            if (!EmergencyMeasures.LEVELS.contains(alert.level())) {
                return Mono.error(new IllegalArgumentException("alert " + alert.alertId() + ": level " + alert.level()
                        + " is not one of " + EmergencyMeasures.LEVELS));
            }
            List<EmergencyMeasures.Measure> inForce = measures.at(alert.level());
            Mono<Void> upsert = db.sql("""
                            insert into emergency_alert (alert_id, county, level, effective_from, measures)
                            values (:id, :county, :level, :from, :measures)
                            on conflict (alert_id) do update set level = excluded.level,
                                effective_from = excluded.effective_from, measures = excluded.measures,
                                lifted_at = null, updated_at = now()""")
                    .bind("id", alert.alertId())
                    .bind("county", county.id())
                    .bind("level", alert.level())
                    .bind("from", OffsetDateTime.ofInstant(alert.effectiveFrom(), ZoneOffset.UTC))
                    .bind(
                            "measures",
                            inForce.stream().map(EmergencyMeasures.Measure::id).toArray(String[]::new))
                    .then();
            Placement placement = placement(county.id());
            Mono<Long> openTasks = db.sql("select count(*) from idle_land_task where status <> 'done' "
                            + "and (jurisdiction = :c or corps_unit = :c)")
                    .bind("c", county.id())
                    .map(r -> r.get(0, Long.class))
                    .one();
            Mono<Void> levelChanged = db.sql("select level, measures from emergency_alert "
                            + "where alert_id = :id and lifted_at is null and level <> :level")
                    .bind("id", alert.alertId())
                    .bind("level", alert.level())
                    .map(r -> new Ending(
                            alert.alertId(),
                            county.id(),
                            r.get("level", String.class),
                            List.of(r.get("measures", String[].class))))
                    .one()
                    .flatMap(previous -> ended(
                            previous,
                            "level-changed",
                            alert.level(),
                            inForce.stream().map(EmergencyMeasures.Measure::id).toList()));
            return levelChanged
                    .then(upsert)
                    .then(openTasks)
                    .flatMap(open -> events.raise(new Events.Raised(
                            "lantian.greening.emergency-measures-activated.v1",
                            "alert/" + alert.alertId(),
                            placement,
                            List.of(),
                            "major",
                            null,
                            new Activated(
                                    alert.alertId(),
                                    county.id(),
                                    alert.level(),
                                    inForce.stream()
                                            .map(m -> new Activated.InForce(m.id(), m.measure(), m.appliesTo()))
                                            .toList(),
                                    open))));
        });
    }

    /** Ends the alert's measures and announces it. */
    Mono<Void> lift(String alertId) {
        return db.sql("update emergency_alert set lifted_at = now(), updated_at = now() "
                        + "where alert_id = :id and lifted_at is null returning county, level, measures")
                .bind("id", alertId)
                .map(r -> new Ending(
                        alertId,
                        r.get("county", String.class),
                        r.get("level", String.class),
                        List.of(r.get("measures", String[].class))))
                .all()
                .concatMap(ending -> ended(ending, "lifted", null, List.of()))
                .then();
    }

    /** An alert's level and the measures it had in force, about to end. */
    private record Ending(String alertId, String county, String level, List<String> measureIds) {}

    /** Raises {@code emergency-measures-ended.v1} for the measures not kept, if any. */
    private Mono<Void> ended(Ending ending, String reason, String newLevel, List<String> kept) {
        List<EmergencyMeasures.Measure> ended = measures.all().stream()
                .filter(m -> ending.measureIds().contains(m.id()) && !kept.contains(m.id()))
                .toList();
        if (ended.isEmpty()) {
            return Mono.empty();
        }
        return events.raise(new Events.Raised(
                "lantian.greening.emergency-measures-ended.v1",
                "alert/" + ending.alertId(),
                placement(ending.county()),
                List.of(),
                null,
                null,
                new Ended(
                        ending.alertId(),
                        ending.county(),
                        ending.level(),
                        reason,
                        newLevel,
                        java.time.Instant.now().toString(),
                        ended.stream().map(EmergencyMeasures.Measure::measure).toList(),
                        ended.stream().map(EmergencyMeasures.Measure::id).toList())));
    }

    private Placement placement(String unit) {
        return jurisdictions
                .byId(unit)
                .filter(Jurisdiction::isCorps)
                .map(j -> new Placement(j.host().orElse(unit), unit))
                .orElse(new Placement(unit, null));
    }

    /** The alerts in force in the given units (null: everywhere). */
    Mono<List<Active>> active(List<String> units) {
        String sql = "select * from emergency_alert where lifted_at is null"
                + (units == null ? "" : " and county = any(:u)") + " order by effective_from desc";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        if (units != null) {
            spec = spec.bind("u", units.toArray(String[]::new));
        }
        return spec.map(r -> new Active(
                        r.get("alert_id", String.class),
                        r.get("county", String.class),
                        r.get("level", String.class),
                        r.get("effective_from", OffsetDateTime.class),
                        List.of(r.get("measures", String[].class))))
                .all()
                .collectList();
    }

    /** Data of {@code emergency-measures-ended.v1}. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Ended(
            String alertId,
            String county,
            String level,
            String reason,
            String newLevel,
            String endedAt,
            List<String> measures,
            List<String> measureIds) {}

    /** Data of {@code emergency-measures-activated.v1}. */
    record Activated(String alertId, String county, String level, List<InForce> measures, long openIdleLandTasks) {

        /** One measure in force. */
        record InForce(String id, String measure, String appliesTo) {}
    }
}
