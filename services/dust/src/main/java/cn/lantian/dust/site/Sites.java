package cn.lantian.dust.site;

import static cn.lantian.dust.db.Binds.bind;

import cn.lantian.dust.db.Binds;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The sites table. */
@Repository
public class Sites {

    private static final String SELECT =
            "select s.*, (select count(*) from site_monitor m where m.site_id = s.id) " + "as monitors from site s ";

    private final DatabaseClient db;

    Sites(DatabaseClient db) {
        this.db = db;
    }

    /** Filters of a site list; null members do not filter. */
    record Filter(
            List<String> visibleUnits,
            String county,
            String status,
            String phase,
            Boolean monitorMissing,
            String after,
            int limit) {}

    /** The site with that id, whoever may see it. */
    public Mono<Site> byId(String id) {
        return db.sql(SELECT + "where s.id = :id")
                .bind("id", id)
                .map(Sites::site)
                .one();
    }

    /** A page of sites, ordered by id. */
    Flux<Site> page(Filter f) {
        StringBuilder sql = new StringBuilder(SELECT + "where true");
        if (f.visibleUnits() != null) {
            sql.append(" and (s.jurisdiction = any(:units) or s.corps_unit = any(:units))");
        }
        if (f.county() != null) {
            sql.append(" and (s.jurisdiction = :county or s.corps_unit = :county)");
        }
        if (f.status() != null) {
            sql.append(" and s.status = :status");
        }
        if (f.phase() != null) {
            sql.append(" and s.phase = :phase");
        }
        if (f.monitorMissing() != null) {
            sql.append(
                    f.monitorMissing()
                            ? " and s.monitor_missing_since is not null"
                            : " and s.monitor_missing_since is null");
        }
        if (f.after() != null) {
            sql.append(" and s.id > :after");
        }
        sql.append(" order by s.id limit :limit");
        GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", f.limit() + 1);
        if (f.visibleUnits() != null) {
            spec = spec.bind("units", f.visibleUnits().toArray(String[]::new));
        }
        if (f.county() != null) {
            spec = spec.bind("county", f.county());
        }
        if (f.status() != null) {
            spec = spec.bind("status", f.status());
        }
        if (f.phase() != null) {
            spec = spec.bind("phase", f.phase());
        }
        if (f.after() != null) {
            spec = spec.bind("after", f.after());
        }
        return spec.map(Sites::site).all();
    }

    /** Inserts or replaces a site; returns true when it was new. */
    Mono<Boolean> save(Site s) {
        GenericExecuteSpec spec = db.sql("""
                insert into site (id, project, builder_name, builder_credit_code, area_m2, phase, planned_start,
                  planned_end, actual_start, actual_end, address, lon, lat, jurisdiction, corps_unit, status)
                values (:id, :project, :builderName, :credit, :area, :phase, :plannedStart, :plannedEnd, :actualStart,
                  :actualEnd, :address, :lon, :lat, :jurisdiction, :corps, :status)
                on conflict (id) do update set project = excluded.project, builder_name = excluded.builder_name,
                  builder_credit_code = excluded.builder_credit_code, area_m2 = excluded.area_m2,
                  phase = excluded.phase, planned_start = excluded.planned_start, planned_end = excluded.planned_end,
                  actual_start = excluded.actual_start, actual_end = excluded.actual_end, address = excluded.address,
                  lon = excluded.lon, lat = excluded.lat, jurisdiction = excluded.jurisdiction,
                  corps_unit = excluded.corps_unit, status = excluded.status, updated_at = now()
                returning (xmax = 0) as inserted""")
                .bind("id", s.id())
                .bind("project", s.project())
                .bind("builderName", s.builderName())
                .bind("credit", s.builderCreditCode())
                .bind("area", s.areaM2())
                .bind("phase", s.phase())
                .bind("lon", s.lon())
                .bind("lat", s.lat())
                .bind("jurisdiction", s.jurisdiction())
                .bind("status", s.status());
        spec = bind(spec, "plannedStart", s.plannedStart(), LocalDate.class);
        spec = bind(spec, "plannedEnd", s.plannedEnd(), LocalDate.class);
        spec = bind(spec, "actualStart", s.actualStart(), LocalDate.class);
        spec = bind(spec, "actualEnd", s.actualEnd(), LocalDate.class);
        spec = bind(spec, "address", s.address(), String.class);
        spec = bind(spec, "corps", s.corpsUnit(), String.class);
        return spec.map(r -> Boolean.TRUE.equals(r.get("inserted", Boolean.class)))
                .one();
    }

    /** Marks the site as found without its monitor (null clears it). */
    public Mono<Void> monitorMissing(String siteId, Instant since) {
        return bind(
                        db.sql("update site set monitor_missing_since = :since where id = :id")
                                .bind("id", siteId),
                        "since",
                        since == null ? null : since.atOffset(ZoneOffset.UTC),
                        OffsetDateTime.class)
                .fetch()
                .rowsUpdated()
                .then();
    }

    static Site site(Readable r) {
        return new Site(
                r.get("id", String.class),
                r.get("project", String.class),
                r.get("builder_name", String.class),
                r.get("builder_credit_code", String.class),
                r.get("area_m2", BigDecimal.class),
                r.get("phase", String.class),
                r.get("planned_start", LocalDate.class),
                r.get("planned_end", LocalDate.class),
                r.get("actual_start", LocalDate.class),
                r.get("actual_end", LocalDate.class),
                r.get("address", String.class),
                r.get("lon", Double.class),
                r.get("lat", Double.class),
                r.get("jurisdiction", String.class),
                r.get("corps_unit", String.class),
                r.get("status", String.class),
                Binds.instant(r, "monitor_missing_since"),
                r.get("monitors", Long.class).intValue());
    }
}
