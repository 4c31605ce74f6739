package cn.lantian.dust.emergency;

import cn.lantian.dust.events.DustEvents;
import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Puts an alert's dust measures in force (one {@code emergency-measures-activated} per alert and level), ends them
 * when the alert is lifted, superseded or changes level ({@code emergency-measures-ended}, naming the measures that
 * end), and records a site found working against a stop-work measure
 * ({@code emergency-noncompliance}, once per alert, site, measure and kind of evidence).
 */
@Service
public class EmergencyService {

    /** An alert as announced by the air-quality service. */
    public record Alert(String alertId, String county, String level, Instant effectiveFrom) {}

    private final DatabaseClient db;
    private final Measures measures;
    private final Outbox outbox;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    EmergencyService(DatabaseClient db, Outbox outbox, Jurisdictions jurisdictions, Clock clock) {
        this.db = db;
        this.measures = Measures.load();
        this.outbox = outbox;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** The measures of a level, for the API. */
    public List<Measure> measures(String level) {
        return measures.of(level);
    }

    /** Puts the alert's level in force (a county has one alert in force) and publishes the level's measures. */
    public Mono<Void> inForce(Alert alert) {
        Instant now = clock.instant();
        Mono<Void> supersede = db.sql("update emergency_alert set lifted_at = :now where county = :county "
                        + "and alert_id <> :id and lifted_at is null returning alert_id, county, level")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("county", alert.county())
                .bind("id", alert.alertId())
                .map(r -> ended(
                        r.get("alert_id", String.class),
                        r.get("county", String.class),
                        r.get("level", String.class),
                        "superseded",
                        null,
                        now))
                .all()
                .concatMap(outbox::append)
                .then();
        // A change of level ends the previous level's measures that the new level does not keep.
        Mono<Void> levelChanged = db.sql(
                        "select level from emergency_alert where alert_id = :id and lifted_at is null and level <> :level")
                .bind("id", alert.alertId())
                .bind("level", alert.level())
                .map(r -> r.get("level", String.class))
                .one()
                .flatMap(previous -> {
                    OutgoingEvent ended =
                            ended(alert.alertId(), alert.county(), previous, "level-changed", alert.level(), now);
                    return ended == null ? Mono.empty() : outbox.append(ended);
                })
                .then();
        Mono<Long> upsert = db.sql("""
                insert into emergency_alert (alert_id, county, level, effective_from) values (:id, :county, :level, :from)
                on conflict (alert_id) do update set level = excluded.level, effective_from = excluded.effective_from,
                  lifted_at = null""")
                .bind("id", alert.alertId())
                .bind("county", alert.county())
                .bind("level", alert.level())
                .bind("from", alert.effectiveFrom().atOffset(ZoneOffset.UTC))
                .fetch()
                .rowsUpdated();
        return supersede
                .then(levelChanged)
                .then(upsert)
                .then(sitesToStop(alert))
                .flatMap(count -> outbox.append(activated(alert, count)))
                .then();
    }

    /** Ends the alert's measures and announces it. */
    public Mono<Void> lift(String alertId) {
        Instant now = clock.instant();
        return db.sql("update emergency_alert set lifted_at = :now where alert_id = :id and lifted_at is null "
                        + "returning county, level")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("id", alertId)
                .map(r -> ended(
                        alertId, r.get("county", String.class), r.get("level", String.class), "lifted", null, now))
                .all()
                .concatMap(outbox::append)
                .then();
    }

    /**
     * Records a site in a stopped phase found working at {@code at} by the evidence (monitor or inspection), if an
     * alert with a stop-work measure for that phase was in force there then (the most stringent level of the alerts
     * in force at that time decides); inside the caller's transaction.
     *
     * @return true when this is new non-compliance
     */
    public Mono<Boolean> workingAgainstMeasure(
            String siteId, Placement placement, String phase, double lon, double lat, String evidence, Instant at) {
        return db.sql("""
                select alert_id, county, level from emergency_alert where county = any(:units)
                  and effective_from <= :at and (lifted_at is null or lifted_at > :at)
                order by case level when 'red' then 3 when 'orange' then 2 else 1 end desc, effective_from desc
                limit 1""")
                .bind("units", placement.visibleTo().toArray(String[]::new))
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .map(r -> new Alert(
                        r.get("alert_id", String.class),
                        r.get("county", String.class),
                        r.get("level", String.class),
                        at))
                .one()
                .flatMap(alert -> {
                    Measure stop = measures.of(alert.level()).stream()
                            .filter(m -> m.stopsPhases().contains(phase))
                            .findFirst()
                            .orElse(null);
                    if (stop == null) {
                        return Mono.just(false);
                    }
                    return db.sql("""
                            insert into emergency_noncompliance (alert_id, site_id, measure, evidence, at)
                            values (:alert, :site, :measure, :evidence, :at) on conflict do nothing""")
                            .bind("alert", alert.alertId())
                            .bind("site", siteId)
                            .bind("measure", stop.id())
                            .bind("evidence", evidence)
                            .bind("at", at.atOffset(ZoneOffset.UTC))
                            .fetch()
                            .rowsUpdated()
                            .flatMap(n -> n == 0
                                    ? Mono.just(false)
                                    : outbox.append(noncompliance(
                                                    siteId, placement, phase, lon, lat, evidence, at, alert, stop))
                                            .thenReturn(true));
                })
                .defaultIfEmpty(false);
    }

    private Mono<Long> sitesToStop(Alert alert) {
        List<String> phases = List.copyOf(measures.stoppedPhases(alert.level()));
        if (phases.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("select count(*) from site where status = 'active' and phase = any(:phases) "
                        + "and (jurisdiction = :county or corps_unit = :county)")
                .bind("phases", phases.toArray(String[]::new))
                .bind("county", alert.county())
                .map(r -> r.get(0, Long.class))
                .one();
    }

    /**
     * The {@code emergency-measures-ended} event for the level's measures that end; with a new level, only those that
     * level does not keep (null when it keeps them all).
     */
    private OutgoingEvent ended(
            String alertId, String county, String level, String reason, String newLevel, Instant at) {
        java.util.Set<String> kept = newLevel == null
                ? java.util.Set.of()
                : measures.of(newLevel).stream().map(Measure::id).collect(java.util.stream.Collectors.toSet());
        List<Measure> ending =
                measures.of(level).stream().filter(m -> !kept.contains(m.id())).toList();
        if (newLevel != null && ending.isEmpty()) {
            return null;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alertId);
        data.put("county", county);
        data.put("level", level);
        data.put("reason", reason);
        if (newLevel != null) {
            data.put("newLevel", newLevel);
        }
        data.put("endedAt", at.toString());
        data.put("measures", ending.stream().map(Measure::measure).toList());
        data.put("measureIds", ending.stream().map(Measure::id).toList());
        return OutgoingEvent.of(
                        DustEvents.EMERGENCY_MEASURES_ENDED,
                        "alert/" + alertId,
                        placement(county),
                        DustEvents.HOUSING,
                        data)
                .at(at);
    }

    private Placement placement(String county) {
        return jurisdictions
                .byId(county)
                .filter(j -> j.isCorps())
                .map(j -> new Placement(j.host().orElse(county), county))
                .orElse(new Placement(county, null));
    }

    private OutgoingEvent activated(Alert alert, long sitesToStop) {
        List<Measure> list = measures.of(alert.level());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alert.alertId());
        data.put("county", alert.county());
        data.put("level", alert.level());
        data.put("measures", list.stream().map(Measure::measure).toList());
        data.put("measureIds", list.stream().map(Measure::id).toList());
        data.put(
                "stoppedPhases",
                measures.stoppedPhases(alert.level()).stream().sorted().toList());
        data.put("sitesToStop", sitesToStop);
        data.put("effectiveFrom", alert.effectiveFrom().toString());
        Placement placement = placement(alert.county());
        return OutgoingEvent.of(
                        DustEvents.EMERGENCY_MEASURES_ACTIVATED,
                        "alert/" + alert.alertId(),
                        placement,
                        DustEvents.HOUSING,
                        data)
                .withSeverity("major")
                .at(clock.instant());
    }

    private OutgoingEvent noncompliance(
            String siteId,
            Placement placement,
            String phase,
            double lon,
            double lat,
            String evidence,
            Instant at,
            Alert alert,
            Measure stop) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("siteId", siteId);
        data.put("alertId", alert.alertId());
        data.put("level", alert.level());
        data.put("measure", stop.id());
        data.put("phase", phase);
        data.put("evidence", evidence);
        data.put("at", at.toString());
        data.put("location", DustEvents.location(lon, lat));
        return OutgoingEvent.of(
                        DustEvents.EMERGENCY_NONCOMPLIANCE, "site/" + siteId, placement, DustEvents.HOUSING, data)
                .withSeverity("critical")
                .at(at);
    }
}
