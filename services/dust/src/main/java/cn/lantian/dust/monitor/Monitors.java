package cn.lantian.dust.monitor;

import cn.lantian.dust.db.Binds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Monitors, their readings and the sites' hourly means. */
@Repository
class Monitors {

    /** A monitor as listed. */
    record Monitor(String id, String siteId, LocalDate installedOn, Instant lastReadingAt, Instant silentSince) {}

    /** A site hour's running mean after a batch. */
    record SiteHour(String siteId, Instant hour, double mean, int n) {}

    /** A site hour and where its site lies. */
    record SiteAtHour(SiteHour hour, MonitoredSite site) {}

    private final DatabaseClient db;

    Monitors(DatabaseClient db) {
        this.db = db;
    }

    /** Registers a monitor; false when the id exists already. */
    Mono<Boolean> register(String id, String siteId, LocalDate installedOn) {
        return db.sql(
                        "insert into site_monitor (id, site_id, installed_on) values (:id, :site, :on) on conflict do nothing")
                .bind("id", id)
                .bind("site", siteId)
                .bind("on", installedOn)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    Flux<Monitor> ofSite(String siteId) {
        return db.sql("select * from site_monitor where site_id = :site order by id")
                .bind("site", siteId)
                .map(r -> new Monitor(
                        r.get("id", String.class),
                        r.get("site_id", String.class),
                        r.get("installed_on", LocalDate.class),
                        Binds.instant(r, "last_reading_at"),
                        Binds.instant(r, "silent_since")))
                .all();
    }

    /** The monitors with those ids and where their sites lie. */
    Mono<Map<String, MonitoredSite>> sitesOf(List<String> monitorIds) {
        return db.sql("""
                select m.id as monitor_id, s.id as site_id, s.lon, s.lat, s.jurisdiction, s.corps_unit, s.phase
                from site_monitor m join site s on s.id = m.site_id where m.id = any(:ids)""")
                .bind("ids", monitorIds.toArray(String[]::new))
                .map(r -> new MonitoredSite(
                        r.get("monitor_id", String.class),
                        r.get("site_id", String.class),
                        r.get("lon", Double.class),
                        r.get("lat", Double.class),
                        r.get("jurisdiction", String.class),
                        r.get("corps_unit", String.class),
                        r.get("phase", String.class)))
                .all()
                .collectMap(MonitoredSite::monitorId);
    }

    /** Stores readings; returns those not stored before (a reading sent again changes nothing). */
    Flux<Reading> insert(List<Reading> readings) {
        return db.sql("""
                insert into monitor_reading (monitor_id, at, pm10, pm25, tsp)
                select * from unnest(:ids::text[], :at::timestamptz[], :pm10::float8[], :pm25::float8[], :tsp::float8[])
                on conflict do nothing returning monitor_id, at, pm10, pm25, tsp""")
                .bind("ids", readings.stream().map(Reading::monitorId).toArray(String[]::new))
                .bind(
                        "at",
                        readings.stream()
                                .map(r -> r.at().atOffset(ZoneOffset.UTC))
                                .toArray(OffsetDateTime[]::new))
                .bind("pm10", readings.stream().map(Reading::pm10).toArray(Double[]::new))
                .bind("pm25", readings.stream().map(Reading::pm25).toArray(Double[]::new))
                .bind("tsp", readings.stream().map(Reading::tsp).toArray(Double[]::new))
                .map(r -> new Reading(
                        r.get("monitor_id", String.class),
                        Binds.instant(r, "at"),
                        r.get("pm10", Double.class),
                        r.get("pm25", Double.class),
                        r.get("tsp", Double.class)))
                .all();
    }

    /**
     * Adds sums and counts to site hours (one row per site and hour, sorted, so concurrent batches lock in the same
     * order) and returns the hours' running means.
     */
    Flux<SiteHour> addToHours(List<String> siteIds, List<Instant> hours, List<Double> sums, List<Integer> counts) {
        return db.sql("""
                insert into site_hour (site_id, hour, pm10_sum, n)
                select * from unnest(:sites::text[], :hours::timestamptz[], :sums::float8[], :counts::int4[])
                on conflict (site_id, hour) do update set pm10_sum = site_hour.pm10_sum + excluded.pm10_sum,
                  n = site_hour.n + excluded.n
                returning site_id, hour, pm10_sum / n as mean, n""")
                .bind("sites", siteIds.toArray(String[]::new))
                .bind(
                        "hours",
                        hours.stream().map(h -> h.atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))
                .bind("sums", sums.toArray(Double[]::new))
                .bind("counts", counts.toArray(Integer[]::new))
                .map(r -> new SiteHour(
                        r.get("site_id", String.class),
                        Binds.instant(r, "hour"),
                        r.get("mean", Double.class),
                        r.get("n", Integer.class)))
                .all();
    }

    /** The site hours labelled with one of those hours, with where their sites lie. */
    Flux<SiteAtHour> siteHoursAt(List<Instant> hours) {
        return db.sql("""
                select h.site_id, h.hour, h.pm10_sum / h.n as mean, s.lon, s.lat, s.jurisdiction, s.corps_unit, s.phase
                from site_hour h join site s on s.id = h.site_id where h.hour = any(:hours)""")
                .bind(
                        "hours",
                        hours.stream().map(h -> h.atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))
                .map(r -> new SiteAtHour(
                        new SiteHour(
                                r.get("site_id", String.class),
                                Binds.instant(r, "hour"),
                                r.get("mean", Double.class),
                                0),
                        new MonitoredSite(
                                null,
                                r.get("site_id", String.class),
                                r.get("lon", Double.class),
                                r.get("lat", Double.class),
                                r.get("jurisdiction", String.class),
                                r.get("corps_unit", String.class),
                                r.get("phase", String.class))))
                .all();
    }

    /** Moves each monitor's last reading forward and clears its silence. */
    Mono<Void> heard(Map<String, Instant> latest) {
        if (latest.isEmpty()) {
            return Mono.empty();
        }
        List<String> ids = latest.keySet().stream().sorted().toList();
        return db.sql("""
                update site_monitor m set last_reading_at = greatest(coalesce(m.last_reading_at, u.at), u.at),
                  silent_since = null
                from unnest(:ids::text[], :at::timestamptz[]) as u(id, at) where m.id = u.id""")
                .bind("ids", ids.toArray(String[]::new))
                .bind(
                        "at",
                        ids.stream()
                                .map(id -> latest.get(id).atOffset(ZoneOffset.UTC))
                                .toArray(OffsetDateTime[]::new))
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Records violations once each; returns the ids that are new. */
    Flux<String> violations(
            List<String> ids,
            List<String> siteIds,
            List<String> kinds,
            String measure,
            List<Instant> at,
            List<String> details) {
        return db.sql("""
                insert into site_violation (id, site_id, kind, measure, at, detail)
                select i, s, k, :measure, a, d::jsonb
                from unnest(:ids::text[], :sites::text[], :kinds::text[], :at::timestamptz[], :details::text[])
                  as u(i, s, k, a, d)
                on conflict do nothing returning id""")
                .bind("ids", ids.toArray(String[]::new))
                .bind("sites", siteIds.toArray(String[]::new))
                .bind("kinds", kinds.toArray(String[]::new))
                .bind("measure", measure)
                .bind("at", at.stream().map(h -> h.atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))
                .bind("details", details.toArray(String[]::new))
                .map(r -> r.get("id", String.class))
                .all();
    }
}
