package cn.lantian.stationary.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What an enterprise must disclose, read from the registry, permit and exceedance tables. */
@Repository
class Disclosures {

    /** What the public sees of an enterprise. */
    record Disclosed(
            String id,
            String name,
            String industry,
            String county,
            String corpsUnit,
            String ultraLow,
            List<PublicPermit> permits,
            List<PublicExceedance> exceedances) {}

    /** A permit as disclosed. */
    record PublicPermit(String number, LocalDate validFrom, LocalDate validUntil, String status) {}

    /** An exceedance as disclosed. */
    record PublicExceedance(
            String outletCode,
            String pollutant,
            Instant hour,
            double value,
            double limit,
            double ratio,
            boolean escalated) {}

    private final DatabaseClient db;

    Disclosures(DatabaseClient db) {
        this.db = db;
    }

    /** One page of enterprises by id, of a county or Corps unit (null: all), after an id (null: from the start). */
    Flux<Disclosed> page(String county, String after, int limit) {
        String sql = "select id from enterprise where true"
                + (county == null ? "" : " and (jurisdiction = :c or corps_unit = :c)")
                + (after == null ? "" : " and id > :after") + " order by id limit :limit";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("limit", limit);
        if (county != null) {
            spec = spec.bind("c", county);
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(r -> r.get("id", String.class)).all().concatMap(id -> disclosed(id, 0));
    }

    /** An enterprise's disclosure with its exceedances of the last days (none when days is 0); empty if unknown. */
    Mono<Disclosed> disclosed(String id, int days) {
        Mono<List<PublicPermit>> permits = db.sql("select number, valid_from, valid_until, status from permit "
                        + "where enterprise_id = :id order by valid_until desc")
                .bind("id", id)
                .map(r -> new PublicPermit(
                        r.get("number", String.class),
                        r.get("valid_from", LocalDate.class),
                        r.get("valid_until", LocalDate.class),
                        r.get("status", String.class)))
                .all()
                .collectList();
        Mono<List<PublicExceedance>> exceedances = days == 0
                ? Mono.just(List.of())
                : db.sql(
                                "select f.attributes->>'code' as code, x.pollutant, x.hour, x.value_ref, x.limit_mg_m3, x.ratio, "
                                        + "x.escalated from exceedance x join facility f on f.id = x.outlet_id "
                                        + "where f.enterprise_id = :id and x.hour > now() - make_interval(days => :days) "
                                        + "order by x.hour desc limit 500")
                        .bind("id", id)
                        .bind("days", days)
                        .map(r -> new PublicExceedance(
                                r.get("code", String.class),
                                r.get("pollutant", String.class),
                                r.get("hour", OffsetDateTime.class).toInstant(),
                                r.get("value_ref", Double.class),
                                r.get("limit_mg_m3", Double.class),
                                r.get("ratio", Double.class),
                                r.get("escalated", Boolean.class)))
                        .all()
                        .collectList();
        return db.sql("select id, name, industry, jurisdiction, corps_unit, ultra_low from enterprise where id = :id")
                .bind("id", id)
                .map(r -> new Disclosed(
                        r.get("id", String.class),
                        r.get("name", String.class),
                        r.get("industry", String.class),
                        r.get("jurisdiction", String.class),
                        r.get("corps_unit", String.class),
                        r.get("ultra_low", String.class),
                        List.of(),
                        List.of()))
                .one()
                .flatMap(d -> Mono.zip(permits, exceedances)
                        .map(t -> new Disclosed(
                                d.id(),
                                d.name(),
                                d.industry(),
                                d.county(),
                                d.corpsUnit(),
                                d.ultraLow(),
                                t.getT1(),
                                t.getT2())));
    }
}
