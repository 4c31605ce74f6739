package cn.lantian.stationary.monitoring;

import cn.lantian.reference.Placement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** What a batch of CEMS values is judged by: its outlets, and every recorded version of the permits that limit them. */
@Repository
class RecordedTerms {

    private final DatabaseClient db;

    RecordedTerms(DatabaseClient db) {
        this.db = db;
    }

    /** The outlets of these ids that exist, by id. */
    Mono<Map<String, Outlet>> outlets(Set<String> ids) {
        return db.sql("select id, enterprise_id, jurisdiction, corps_unit, lon, lat, attributes->>'sourceKind' as sk "
                        + "from facility where kind = 'outlet' and id = any(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(r -> new Outlet(
                        r.get("id", String.class),
                        r.get("enterprise_id", String.class),
                        new Placement(r.get("jurisdiction", String.class), r.get("corps_unit", String.class)),
                        r.get("lon", Double.class),
                        r.get("lat", Double.class),
                        r.get("sk", String.class)))
                .all()
                .collectMap(Outlet::id);
    }

    /** A permit version with one of its limits (null when it sets none for the batch's outlets). */
    private record TermRow(PermitTerms.Version version, String outlet, String pollutant, Double limit) {}

    /** Every recorded version of the permits that ever limited one of the outlets. */
    Mono<PermitTerms> terms(Set<String> ids) {
        String[] outlets = ids.toArray(String[]::new);
        return db.sql("select v.number, v.version, v.recorded_at, v.valid_from, v.valid_until, v.status, v.outlets, "
                        + "l->>'o' as outlet, l->>'p' as pollutant, (l->>'l')::float8 as lim from permit_version v "
                        + "left join lateral (select x from jsonb_array_elements(v.limits) x where x->>'o' = any(:ids)) "
                        + "as t(l) on true where v.number in (select number from permit_version where outlets && :ids) "
                        + "order by v.number, v.version")
                .bind("ids", outlets)
                .map(r -> new TermRow(
                        new PermitTerms.Version(
                                r.get("number", String.class),
                                r.get("version", Integer.class),
                                r.get("recorded_at", OffsetDateTime.class).toInstant(),
                                r.get("valid_from", LocalDate.class),
                                r.get("valid_until", LocalDate.class),
                                r.get("status", String.class),
                                new HashMap<>(),
                                List.of(r.get("outlets", String[].class))),
                        r.get("outlet", String.class),
                        r.get("pollutant", String.class),
                        r.get("lim", Double.class)))
                .all()
                .collectList()
                .map(rows -> {
                    Map<String, PermitTerms.Version> versions = new LinkedHashMap<>();
                    for (TermRow row : rows) {
                        PermitTerms.Version v = versions.computeIfAbsent(
                                row.version().number() + "#" + row.version().version(), k -> row.version());
                        if (row.outlet() != null) {
                            v.limits().put(row.outlet() + "|" + row.pollutant(), row.limit());
                        }
                    }
                    return new PermitTerms(List.copyOf(versions.values()));
                });
    }
}
