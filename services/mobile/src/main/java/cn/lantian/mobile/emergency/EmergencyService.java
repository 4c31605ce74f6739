package cn.lantian.mobile.emergency;

import cn.lantian.mobile.events.DomainEvents;
import cn.lantian.mobile.events.Raised;
import cn.lantian.mobile.sensing.Reading;
import cn.lantian.mobile.sensing.ReadingListener;
import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts an alert's traffic measures in force in its county ({@code emergency-measures-activated}), ends them when the
 * alert is lifted, superseded or changes level ({@code emergency-measures-ended}, naming the measures that end), and
 * records a restricted truck that a remote-sensing or roadside check saw in the county while they were in force
 * ({@code emergency-noncompliance}, once per alert, vehicle and measure).
 */
@Service
class EmergencyService implements ReadingListener {

    static final String ACTIVATED = "lantian.mobile.emergency-measures-activated.v1";
    static final String ENDED = "lantian.mobile.emergency-measures-ended.v1";
    static final String NONCOMPLIANCE = "lantian.mobile.emergency-noncompliance.v1";

    /** An alert as announced by the air-quality service. */
    record Alert(String alertId, String county, String level, Instant effectiveFrom) {}

    private final DatabaseClient db;
    private final TrafficMeasures measures;
    private final DomainEvents events;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    EmergencyService(
            DatabaseClient db,
            TrafficMeasures measures,
            DomainEvents events,
            Jurisdictions jurisdictions,
            Clock clock) {
        this.db = db;
        this.measures = measures;
        this.events = events;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** Puts the alert's level in force (a county has one alert in force) and announces the level's measures. */
    Mono<Void> inForce(Alert alert) {
        Instant now = clock.instant();
        Mono<Void> supersede = db.sql("update emergency_alert set lifted_at = :now where county = :county "
                        + "and alert_id <> :id and lifted_at is null returning alert_id, county, level")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("county", alert.county())
                .bind("id", alert.alertId())
                .map(r -> new Ending(
                        r.get("alert_id", String.class), r.get("county", String.class), r.get("level", String.class)))
                .all()
                .concatMap(e -> ended(e, "superseded", null, now))
                .then();
        // A change of level ends the previous level's measures that the new level does not keep.
        Mono<Void> levelChanged = db.sql(
                        "select level from emergency_alert where alert_id = :id and lifted_at is null and level <> :level")
                .bind("id", alert.alertId())
                .bind("level", alert.level())
                .map(r -> new Ending(alert.alertId(), alert.county(), r.get("level", String.class)))
                .one()
                .flatMap(e -> ended(e, "level-changed", alert.level(), now));
        Mono<Void> upsert = db.sql("""
                insert into emergency_alert (alert_id, county, level, effective_from) values (:id, :county, :level, :from)
                on conflict (alert_id) do update set level = excluded.level, effective_from = excluded.effective_from,
                  lifted_at = null""")
                .bind("id", alert.alertId())
                .bind("county", alert.county())
                .bind("level", alert.level())
                .bind("from", alert.effectiveFrom().atOffset(ZoneOffset.UTC))
                .then();
        List<TrafficMeasures.Measure> list = measures.of(alert.county(), alert.level());
        return supersede
                .then(levelChanged)
                .then(upsert)
                .then(restrictedTrucks(alert.county(), list))
                .flatMap(trucks -> events.raise(new Raised(
                        ACTIVATED,
                        "alert/" + alert.alertId(),
                        placement(alert.county()),
                        "major",
                        new Activated(
                                alert.alertId(),
                                alert.county(),
                                alert.level(),
                                alert.effectiveFrom().toString(),
                                list.stream()
                                        .map(TrafficMeasures.Measure::measure)
                                        .toList(),
                                list.stream().map(TrafficMeasures.Measure::id).toList(),
                                trucks))));
    }

    /** Ends the alert's measures and announces it. */
    Mono<Void> lift(String alertId) {
        Instant now = clock.instant();
        return db.sql("update emergency_alert set lifted_at = :now where alert_id = :id and lifted_at is null "
                        + "returning county, level")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("id", alertId)
                .map(r -> new Ending(alertId, r.get("county", String.class), r.get("level", String.class)))
                .all()
                .concatMap(e -> ended(e, "lifted", null, now))
                .then();
    }

    /**
     * A batch's restricted trucks: one look for any alert in force during the batch's span first, since on most days
     * none is, and only then each reading on its own.
     */
    @Override
    public Mono<Void> storedAll(List<Stored> readings) {
        if (readings.isEmpty()) {
            return Mono.empty();
        }
        Instant first = readings.stream()
                .map(s -> s.reading().at())
                .min(Instant::compareTo)
                .orElseThrow();
        Instant last = readings.stream()
                .map(s -> s.reading().at())
                .max(Instant::compareTo)
                .orElseThrow();
        return db.sql("select exists (select 1 from emergency_alert where effective_from <= :last "
                        + "and (lifted_at is null or lifted_at > :first))")
                .bind("first", first.atOffset(ZoneOffset.UTC))
                .bind("last", last.atOffset(ZoneOffset.UTC))
                .map(r -> Boolean.TRUE.equals(r.get(0, Boolean.class)))
                .one()
                .flatMap(any -> any ? ReadingListener.super.storedAll(readings) : Mono.empty());
    }

    /** A restricted truck seen where an alert's measures were in force at the time of the reading. */
    @Override
    public Mono<Void> stored(Reading reading, Vehicle vehicle, Placement place) {
        return db.sql("""
                select alert_id, county, level from emergency_alert where county = any(:units)
                  and effective_from <= :at and (lifted_at is null or lifted_at > :at)
                order by case level when 'red' then 3 when 'orange' then 2 else 1 end desc, effective_from desc
                limit 1""")
                .bind("units", place.visibleTo().toArray(String[]::new))
                .bind("at", reading.at().atOffset(ZoneOffset.UTC))
                .map(r -> new Ending(
                        r.get("alert_id", String.class), r.get("county", String.class), r.get("level", String.class)))
                .one()
                .flatMapMany(alert -> Flux.fromIterable(measures.of(alert.county(), alert.level()))
                        .filter(m -> m.covers(vehicle))
                        .concatMap(m -> violation(alert, m, reading, vehicle, place)))
                .then();
    }

    private Mono<Void> violation(
            Ending alert, TrafficMeasures.Measure m, Reading reading, Vehicle vehicle, Placement place) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                insert into emergency_violation (alert_id, plate, measure_id, at, check_kind, jurisdiction, corps_unit)
                values (:alert, :plate, :measure, :at, :check, :jurisdiction, :corps) on conflict do nothing""")
                .bind("alert", alert.alertId())
                .bind("plate", vehicle.plate())
                .bind("measure", m.id())
                .bind("at", reading.at().atOffset(ZoneOffset.UTC))
                .bind("check", reading.check())
                .bind("jurisdiction", place.jurisdiction());
        insert = place.corpsUnit() == null
                ? insert.bindNull("corps", String.class)
                : insert.bind("corps", place.corpsUnit());
        return insert.fetch()
                .rowsUpdated()
                .flatMap(n -> n == 0
                        ? Mono.empty()
                        : events.raise(new Raised(
                                NONCOMPLIANCE,
                                "vehicle/" + vehicle.plate(),
                                place,
                                "critical",
                                new Noncompliance(
                                        vehicle.plate(),
                                        alert.alertId(),
                                        alert.level(),
                                        m.id(),
                                        vehicle.kind(),
                                        vehicle.fuel(),
                                        vehicle.emissionStage(),
                                        reading.check(),
                                        reading.at().toString(),
                                        new Noncompliance.Location(reading.lon(), reading.lat())))));
    }

    private Mono<Long> restrictedTrucks(String county, List<TrafficMeasures.Measure> list) {
        List<TrafficMeasures.Measure> trucks =
                list.stream().filter(m -> "truck".equals(m.restricts())).toList();
        if (trucks.isEmpty()) {
            return Mono.just(0L);
        }
        // The widest truck measure of the level decides which vehicles are restricted.
        TrafficMeasures.Measure widest = trucks.stream()
                .max(java.util.Comparator.comparingInt(
                        m -> m.kinds().size() * 100 + m.stages().size()))
                .orElseThrow();
        return db.sql("""
                select count(*) from vehicle where status = 'registered' and kind = any(:kinds) and fuel = any(:fuels)
                  and emission_stage = any(:stages) and (:county = '653100' or jurisdiction = :county or corps_unit = :county)""")
                .bind("kinds", widest.kinds().toArray(String[]::new))
                .bind("fuels", widest.fuels().toArray(String[]::new))
                .bind("stages", widest.stages().toArray(String[]::new))
                .bind("county", county)
                .map(r -> r.get(0, Long.class))
                .one();
    }

    /** An alert's level whose measures end (or are checked against). */
    private record Ending(String alertId, String county, String level) {}

    private Mono<Void> ended(Ending e, String reason, String newLevel, Instant at) {
        Set<String> kept = newLevel == null
                ? Set.of()
                : measures.of(e.county(), newLevel).stream()
                        .map(TrafficMeasures.Measure::id)
                        .collect(Collectors.toSet());
        List<TrafficMeasures.Measure> ending = measures.of(e.county(), e.level()).stream()
                .filter(m -> !kept.contains(m.id()))
                .toList();
        if (ending.isEmpty()) {
            return Mono.empty();
        }
        return events.raise(new Raised(
                ENDED,
                "alert/" + e.alertId(),
                placement(e.county()),
                null,
                new Ended(
                        e.alertId(),
                        e.county(),
                        e.level(),
                        reason,
                        newLevel,
                        at.toString(),
                        ending.stream().map(TrafficMeasures.Measure::measure).toList(),
                        ending.stream().map(TrafficMeasures.Measure::id).toList())));
    }

    private Placement placement(String unit) {
        return jurisdictions
                .byId(unit)
                .filter(j -> j.isCorps())
                .map(j -> new Placement(j.host().orElse(unit), unit))
                .orElse(new Placement(unit, null));
    }

    /** Data of {@code emergency-measures-activated.v1}. */
    record Activated(
            String alertId,
            String county,
            String level,
            String effectiveFrom,
            List<String> measures,
            List<String> measureIds,
            long restrictedTrucks) {}

    /** Data of {@code emergency-measures-ended.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ended(
            String alertId,
            String county,
            String level,
            String reason,
            String newLevel,
            String endedAt,
            List<String> measures,
            List<String> measureIds) {}

    /** Data of {@code emergency-noncompliance.v1}. */
    record Noncompliance(
            String plate,
            String alertId,
            String level,
            String measure,
            String kind,
            String fuel,
            String emissionStage,
            String evidence,
            String at,
            Location location) {

        /** Where the check saw the vehicle. */
        record Location(double lon, double lat) {}
    }
}
