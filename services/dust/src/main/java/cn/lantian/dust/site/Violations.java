package cn.lantian.dust.site;

import cn.lantian.dust.db.Binds;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** The site violations recorded by inspections and monitors, for officers. */
@Repository
class Violations {

    /** A violation with the JSON detail its event carried. */
    record Violation(
            String id, String siteId, String jurisdiction, String kind, String measure, Instant at, String detail) {}

    private final DatabaseClient db;

    Violations(DatabaseClient db) {
        this.db = db;
    }

    Flux<Violation> page(List<String> units, String siteId, String kind, String after, int limit) {
        StringBuilder sql = new StringBuilder(
                "select v.*, s.jurisdiction from site_violation v join site s " + "on s.id = v.site_id where true");
        if (units != null) {
            sql.append(" and (s.jurisdiction = any(:units) or s.corps_unit = any(:units))");
        }
        if (siteId != null) {
            sql.append(" and v.site_id = :site");
        }
        if (kind != null) {
            sql.append(" and v.kind = :kind");
        }
        if (after != null) {
            sql.append(" and v.id > :after");
        }
        GenericExecuteSpec spec =
                db.sql(sql.append(" order by v.id limit :limit").toString()).bind("limit", limit + 1);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        if (siteId != null) {
            spec = spec.bind("site", siteId);
        }
        if (kind != null) {
            spec = spec.bind("kind", kind);
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(r -> new Violation(
                        r.get("id", String.class),
                        r.get("site_id", String.class),
                        r.get("jurisdiction", String.class),
                        r.get("kind", String.class),
                        r.get("measure", String.class),
                        Binds.instant(r, "at"),
                        r.get("detail", String.class)))
                .all();
    }
}
