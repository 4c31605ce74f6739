package cn.lantian.dust.yard;

import cn.lantian.dust.db.Binds;
import io.r2dbc.spi.Readable;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The yard inventory in PostgreSQL. */
@Repository
class Yards {

    private final DatabaseClient db;

    Yards(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts the yard; false when its id exists already. */
    Mono<Boolean> insert(Yard yard) {
        return values(db.sql("""
                        insert into yard (id, kind, name, lon, lat, jurisdiction, corps_unit, controls)
                        values (:id, :kind, :name, :lon, :lat, :jurisdiction, :corps, :controls)
                        on conflict (id) do nothing"""), yard).fetch().rowsUpdated().map(n -> n == 1);
    }

    /** Replaces everything but the id. */
    Mono<Long> update(Yard yard) {
        return values(db.sql("""
                        update yard set kind = :kind, name = :name, lon = :lon, lat = :lat,
                          jurisdiction = :jurisdiction, corps_unit = :corps, controls = :controls
                        where id = :id"""), yard).fetch().rowsUpdated();
    }

    Mono<Yard> byId(String id) {
        return db.sql("select * from yard where id = :id")
                .bind("id", id)
                .map(Yards::yard)
                .one();
    }

    /**
     * A page in id order of the yards in the units (all where null), of one kind and lacking one control where given.
     */
    Flux<Yard> page(List<String> units, String kind, String lacking, String after, int limit) {
        StringBuilder sql = new StringBuilder("select * from yard where true");
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
        }
        if (kind != null) {
            sql.append(" and kind = :kind");
        }
        if (lacking != null) {
            sql.append(" and not (:lacking = any(controls))");
        }
        if (after != null) {
            sql.append(" and id > :after");
        }
        sql.append(" order by id limit :limit");
        GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", limit + 1);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        if (kind != null) {
            spec = spec.bind("kind", kind);
        }
        if (lacking != null) {
            spec = spec.bind("lacking", lacking);
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(Yards::yard).all();
    }

    private static GenericExecuteSpec values(GenericExecuteSpec spec, Yard yard) {
        return Binds.bind(
                spec.bind("id", yard.id())
                        .bind("kind", yard.kind())
                        .bind("name", yard.name())
                        .bind("lon", yard.lon())
                        .bind("lat", yard.lat())
                        .bind("jurisdiction", yard.jurisdiction())
                        .bind("controls", yard.controls().toArray(String[]::new)),
                "corps",
                yard.corpsUnit(),
                String.class);
    }

    private static Yard yard(Readable r) {
        return new Yard(
                r.get("id", String.class),
                r.get("kind", String.class),
                r.get("name", String.class),
                r.get("lon", Double.class),
                r.get("lat", Double.class),
                r.get("jurisdiction", String.class),
                r.get("corps_unit", String.class),
                Arrays.asList(r.get("controls", String[].class)));
    }
}
