package cn.lantian.stationary.disclosure;

import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Enterprise disclosure for the public, without a token: permits, ultra-low-emission status and recent exceedances.
 * Only what an enterprise must disclose is shown: no credit code, no person, no coordinates beyond the county.
 */
@RestController
@RequestMapping("/api/public/v1/enterprises")
class PublicController {

    /** What the public sees of an enterprise. */
    record Disclosed(String id, String name, String industry, String county, String corpsUnit, String ultraLow,
            List<PublicPermit> permits, List<PublicExceedance> exceedances) {
    }

    /** A permit as disclosed. */
    record PublicPermit(String number, LocalDate validFrom, LocalDate validUntil, String status) {
    }

    /** An exceedance as disclosed. */
    record PublicExceedance(String outletCode, String pollutant, Instant hour, double value, double limit, double ratio,
            boolean escalated) {
    }

    private final DatabaseClient db;

    PublicController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping
    Flux<Disclosed> list(@RequestParam(required = false) String county, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            return Flux.error(InvalidInput.of("limit", "must be between 1 and 200"));
        }
        String sql = "select id from enterprise where true" + (county == null ? "" : " and (jurisdiction = :c or corps_unit = :c)")
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

    @GetMapping("/{id}")
    Mono<Disclosed> one(@PathVariable String id, @RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > 366) {
            return Mono.error(InvalidInput.of("days", "must be between 1 and 366"));
        }
        return disclosed(id, days).switchIfEmpty(Mono.error(new NotFound("No enterprise " + id + ".")));
    }

    private Mono<Disclosed> disclosed(String id, int days) {
        Mono<List<PublicPermit>> permits = db.sql("select number, valid_from, valid_until, status from permit "
                        + "where enterprise_id = :id order by valid_until desc").bind("id", id)
                .map(r -> new PublicPermit(r.get("number", String.class), r.get("valid_from", LocalDate.class),
                        r.get("valid_until", LocalDate.class), r.get("status", String.class)))
                .all().collectList();
        Mono<List<PublicExceedance>> exceedances = days == 0 ? Mono.just(List.of())
                : db.sql("select f.attributes->>'code' as code, x.pollutant, x.hour, x.value_ref, x.limit_mg_m3, x.ratio, "
                                + "x.escalated from exceedance x join facility f on f.id = x.outlet_id "
                                + "where f.enterprise_id = :id and x.hour > now() - make_interval(days => :days) "
                                + "order by x.hour desc limit 500")
                        .bind("id", id).bind("days", days)
                        .map(r -> new PublicExceedance(r.get("code", String.class), r.get("pollutant", String.class),
                                r.get("hour", OffsetDateTime.class).toInstant(), r.get("value_ref", Double.class),
                                r.get("limit_mg_m3", Double.class), r.get("ratio", Double.class),
                                r.get("escalated", Boolean.class)))
                        .all().collectList();
        return db.sql("select id, name, industry, jurisdiction, corps_unit, ultra_low from enterprise where id = :id")
                .bind("id", id)
                .map(r -> new Disclosed(r.get("id", String.class), r.get("name", String.class),
                        r.get("industry", String.class), r.get("jurisdiction", String.class),
                        r.get("corps_unit", String.class), r.get("ultra_low", String.class), List.of(), List.of()))
                .one()
                .flatMap(d -> Mono.zip(permits, exceedances).map(t -> new Disclosed(d.id(), d.name(), d.industry(),
                        d.county(), d.corpsUnit(), d.ultraLow(), t.getT1(), t.getT2())));
    }
}
