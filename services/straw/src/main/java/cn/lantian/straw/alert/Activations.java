package cn.lantian.straw.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The activation table: which alert's measures are, or were, in force in which county. */
@Repository
public class Activations {

    private final DatabaseClient db;

    Activations(DatabaseClient db) {
        this.db = db;
    }

    /** The activations that overlap the period. */
    public Flux<Activation> overlapping(Instant from, Instant to) {
        return db.sql("""
                        select alert_id, county, level, effective_from, ended_at from activation
                        where effective_from <= :to and (ended_at is null or ended_at > :from)""")
                .bind("from", from)
                .bind("to", to)
                .map(Activations::read)
                .all();
    }

    /** The activation in force in that county at that instant, from a list fetched before. */
    public static Optional<Activation> inForce(List<Activation> activations, String county, Instant at) {
        return activations.stream()
                .filter(a -> a.county().equals(county) && a.inForceAt(at))
                .findFirst();
    }

    /** Puts a level in force (or changes the level of an alert already in force). */
    Mono<Long> inForce(String alertId, String county, String level, Instant from) {
        return db.sql("""
                        insert into activation (alert_id, county, level, effective_from) values (:a, :c, :l, :f)
                        on conflict (alert_id, county) do update set level = excluded.level, ended_at = null""")
                .bind("a", alertId)
                .bind("c", county)
                .bind("l", level)
                .bind("f", from)
                .fetch()
                .rowsUpdated();
    }

    /** Ends an alert's measures at that instant (never before they began); emits what ended. */
    Flux<Activation> end(String alertId, Instant at) {
        return db.sql("""
                        update activation set ended_at = greatest(:at, effective_from) where alert_id = :a and ended_at is null
                        returning alert_id, county, level, effective_from, ended_at""")
                .bind("a", alertId)
                .bind("at", at)
                .map(Activations::read)
                .all();
    }

    /** The activations of an alert still in force at another level than the given one. */
    Flux<Activation> inForceAtOtherLevel(String alertId, String level) {
        return db.sql("""
                        select alert_id, county, level, effective_from, ended_at from activation
                        where alert_id = :a and ended_at is null and level <> :l""")
                .bind("a", alertId)
                .bind("l", level)
                .map(Activations::read)
                .all();
    }

    /** Every activation of a county, newest first (all counties when null). */
    Flux<Activation> list(String county) {
        String sql = "select alert_id, county, level, effective_from, ended_at from activation"
                + (county == null ? "" : " where county = :c") + " order by effective_from desc limit 200";
        var spec = db.sql(sql);
        if (county != null) {
            spec = spec.bind("c", county);
        }
        return spec.map(Activations::read).all();
    }

    private static Activation read(io.r2dbc.spi.Readable r) {
        return new Activation(
                r.get("alert_id", String.class),
                r.get("county", String.class),
                r.get("level", String.class),
                r.get("effective_from", Instant.class),
                r.get("ended_at", Instant.class));
    }
}
