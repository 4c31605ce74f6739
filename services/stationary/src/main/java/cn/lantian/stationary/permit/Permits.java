package cn.lantian.stationary.permit;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Permits and their limits in PostgreSQL. */
@Repository
public class Permits {

    private final DatabaseClient db;

    public Permits(DatabaseClient db) {
        this.db = db;
    }

    /** The permit with its limits. */
    public Mono<Permit> find(String number) {
        return db.sql("select * from permit where number = :n")
                .bind("n", number)
                .map(r -> head(r))
                .one()
                .flatMap(this::withLimits);
    }

    /** Permits of the given enterprises (null: every), ordered by number. */
    public Flux<Permit> list(List<String> units, String enterpriseId, String status, String after, int limit) {
        StringBuilder sql =
                new StringBuilder("select p.* from permit p join enterprise e on e.id = p.enterprise_id where true");
        if (units != null) {
            sql.append(" and (e.jurisdiction = any(:units) or e.corps_unit = any(:units))");
        }
        if (enterpriseId != null) {
            sql.append(" and p.enterprise_id = :enterprise");
        }
        if (status != null) {
            sql.append(" and p.status = :status");
        }
        if (after != null) {
            sql.append(" and p.number > :after");
        }
        sql.append(" order by p.number limit :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", limit);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        if (enterpriseId != null) {
            spec = spec.bind("enterprise", enterpriseId);
        }
        if (status != null) {
            spec = spec.bind("status", status);
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(r -> head(r)).all().concatMap(this::withLimits);
    }

    /** Valid permits whose end falls on or before the day (to expire or warn about). */
    public Flux<Permit> validEndingBy(LocalDate day) {
        return db.sql("select * from permit where status = 'valid' and valid_until <= :day order by number")
                .bind("day", day)
                .map(r -> head(r))
                .all()
                .concatMap(this::withLimits);
    }

    /** Whether the warning for this end date was already raised. */
    public Mono<Boolean> warned(String number, LocalDate validUntil) {
        return db.sql("select count(*) from permit where number = :n and warned_for = :d")
                .bind("n", number)
                .bind("d", validUntil)
                .map(r -> r.get(0, Long.class))
                .one()
                .map(n -> n > 0);
    }

    /** Records that the warning for this end date was raised. */
    public Mono<Void> markWarned(String number, LocalDate validUntil) {
        return db.sql("update permit set warned_for = :d where number = :n")
                .bind("n", number)
                .bind("d", validUntil)
                .then();
    }

    /** Inserts or replaces the permit and its limits. */
    public Mono<Permit> save(Permit p) {
        Mono<Void> head = db.sql(
                        "insert into permit (number, enterprise_id, valid_from, valid_until, status, version, "
                                + "updated_at, updated_by) values (:n, :e, :from, :until, :status, :v, :at, :by) "
                                + "on conflict (number) do update set enterprise_id = excluded.enterprise_id, "
                                + "valid_from = excluded.valid_from, valid_until = excluded.valid_until, status = excluded.status, "
                                + "version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by")
                .bind("n", p.number())
                .bind("e", p.enterpriseId())
                .bind("from", p.validFrom())
                .bind("until", p.validUntil())
                .bind("status", p.status())
                .bind("v", p.version())
                .bind("at", OffsetDateTime.ofInstant(p.updatedAt(), ZoneOffset.UTC))
                .bind("by", p.updatedBy())
                .then();
        Mono<Void> clear = db.sql("delete from permit_limit where permit_number = :n")
                .bind("n", p.number())
                .then();
        Flux<Void> limits = Flux.fromIterable(p.limits()).concatMap(l -> {
            DatabaseClient.GenericExecuteSpec spec = db.sql("insert into permit_limit (permit_number, outlet_id, "
                            + "pollutant, limit_mg_m3, yearly_t) values (:n, :o, :p, :l, :y)")
                    .bind("n", p.number())
                    .bind("o", l.outletId())
                    .bind("p", l.pollutant())
                    .bind("l", l.limitMgM3());
            spec = l.yearlyT() == null ? spec.bindNull("y", Double.class) : spec.bind("y", l.yearlyT());
            return spec.then();
        });
        return head.then(clear).thenMany(limits).then(recordVersion(p.number())).then(Mono.just(p));
    }

    /**
     * Keeps the permit's current version, with its limits, among the versions readings are judged by (once per
     * version); whoever writes {@code permit} and {@code permit_limit} calls this afterwards.
     */
    public Mono<Void> recordVersion(String number) {
        return db.sql("insert into permit_version (number, version, valid_from, valid_until, status, recorded_at, "
                        + "outlets, limits) select p.number, p.version, p.valid_from, p.valid_until, p.status, p.updated_at, "
                        + "array(select distinct pl.outlet_id from permit_limit pl where pl.permit_number = p.number), "
                        + "coalesce((select jsonb_agg(jsonb_build_object('o', pl.outlet_id, 'p', pl.pollutant, "
                        + "'l', pl.limit_mg_m3)) from permit_limit pl where pl.permit_number = p.number), '[]'::jsonb) "
                        + "from permit p where p.number = :n on conflict do nothing")
                .bind("n", number)
                .then();
    }

    private Mono<Permit> withLimits(Permit p) {
        return db.sql("select outlet_id, pollutant, limit_mg_m3, yearly_t from permit_limit where permit_number = :n "
                        + "order by outlet_id, pollutant")
                .bind("n", p.number())
                .map(r -> new PermitLimit(
                        r.get("outlet_id", String.class),
                        r.get("pollutant", String.class),
                        r.get("limit_mg_m3", Double.class),
                        r.get("yearly_t", Double.class)))
                .all()
                .collectList()
                .map(limits -> new Permit(
                        p.number(),
                        p.enterpriseId(),
                        p.validFrom(),
                        p.validUntil(),
                        p.status(),
                        limits,
                        p.version(),
                        p.updatedAt(),
                        p.updatedBy()));
    }

    private static Permit head(Readable r) {
        Instant at = r.get("updated_at", OffsetDateTime.class).toInstant();
        return new Permit(
                r.get("number", String.class),
                r.get("enterprise_id", String.class),
                r.get("valid_from", LocalDate.class),
                r.get("valid_until", LocalDate.class),
                r.get("status", String.class),
                List.of(),
                r.get("version", Integer.class),
                at,
                r.get("updated_by", String.class));
    }
}
