package cn.lantian.dust.disclosure;

import cn.lantian.dust.db.Binds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** The queries behind the public lists; they return only what the public may see (no credit codes, no inspectors). */
@Repository
class PublicRecords {

    /** A site as the public sees it. */
    record PublicSite(
            String id,
            String project,
            String builderName,
            BigDecimal areaM2,
            String phase,
            String status,
            String jurisdiction,
            String corpsUnit,
            double lon,
            double lat,
            String monitorStatus,
            Double latestPm10,
            Instant latestHour) {}

    /** A confirmed violation as the public sees it. */
    record PublicViolation(
            String id, String siteId, String project, String jurisdiction, String kind, String measure, Instant at) {}

    private final DatabaseClient db;

    PublicRecords(DatabaseClient db) {
        this.db = db;
    }

    Flux<PublicSite> sites(String county, String after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select s.id, s.project, s.builder_name, s.area_m2, s.phase, s.status, s.jurisdiction, s.corps_unit,
                  s.lon, s.lat, s.monitor_missing_since,
                  (select count(*) from site_monitor m where m.site_id = s.id) as monitors,
                  (select count(*) from site_monitor m where m.site_id = s.id and m.silent_since is not null) as silent,
                  h.hour as latest_hour, h.pm10_sum / h.n as latest_pm10
                from site s left join lateral (select * from site_hour h where h.site_id = s.id
                  order by h.hour desc limit 1) h on true
                where true""");
        if (county != null) {
            sql.append(" and (s.jurisdiction = :county or s.corps_unit = :county)");
        }
        if (after != null) {
            sql.append(" and s.id > :after");
        }
        GenericExecuteSpec spec =
                db.sql(sql.append(" order by s.id limit :limit").toString()).bind("limit", limit + 1);
        if (county != null) {
            spec = spec.bind("county", county);
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(r -> {
                    long monitors = r.get("monitors", Long.class);
                    String monitorStatus = r.get("monitor_missing_since", java.time.OffsetDateTime.class) != null
                            ? "missing"
                            : r.get("silent", Long.class) > 0 ? "silent" : monitors > 0 ? "monitored" : "not-required";
                    Double pm10 = r.get("latest_pm10", Double.class);
                    return new PublicSite(
                            r.get("id", String.class),
                            r.get("project", String.class),
                            r.get("builder_name", String.class),
                            r.get("area_m2", BigDecimal.class),
                            r.get("phase", String.class),
                            r.get("status", String.class),
                            r.get("jurisdiction", String.class),
                            r.get("corps_unit", String.class),
                            r.get("lon", Double.class),
                            r.get("lat", Double.class),
                            monitorStatus,
                            pm10 == null ? null : Math.round(pm10 * 10) / 10.0,
                            Binds.instant(r, "latest_hour"));
                })
                .all();
    }

    Flux<PublicViolation> violations(String county, Instant from, String after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select v.id, v.site_id, s.project, s.jurisdiction, v.kind, v.measure, v.at
                from site_violation v join site s on s.id = v.site_id where v.confirmed and v.at >= :from""");
        if (county != null) {
            sql.append(" and (s.jurisdiction = :county or s.corps_unit = :county)");
        }
        if (after != null) {
            sql.append(" and v.id > :after");
        }
        GenericExecuteSpec spec = db.sql(
                        sql.append(" order by v.id limit :limit").toString())
                .bind("limit", limit + 1)
                .bind("from", from.atOffset(ZoneOffset.UTC));
        if (county != null) {
            spec = spec.bind("county", county);
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(r -> new PublicViolation(
                        r.get("id", String.class),
                        r.get("site_id", String.class),
                        r.get("project", String.class),
                        r.get("jurisdiction", String.class),
                        r.get("kind", String.class),
                        r.get("measure", String.class),
                        Binds.instant(r, "at")))
                .all();
    }
}
