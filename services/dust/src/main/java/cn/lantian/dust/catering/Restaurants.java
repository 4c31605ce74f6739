package cn.lantian.dust.catering;

import static cn.lantian.dust.db.Binds.bind;

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

/** Catering premises, their cleanings, readings and violations. */
@Repository
class Restaurants {

    private final DatabaseClient db;

    Restaurants(DatabaseClient db) {
        this.db = db;
    }

    Mono<Restaurant> byId(String id) {
        return db.sql("select * from restaurant where id = :id")
                .bind("id", id)
                .map(Restaurants::restaurant)
                .one();
    }

    Flux<Restaurant> byIds(List<String> ids) {
        return db.sql("select * from restaurant where id = any(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(Restaurants::restaurant)
                .all();
    }

    Flux<Restaurant> page(List<String> units, String sizeClass, String after, int limit) {
        StringBuilder sql = new StringBuilder("select * from restaurant where true");
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
        }
        if (sizeClass != null) {
            sql.append(" and size_class = :size");
        }
        if (after != null) {
            sql.append(" and id > :after");
        }
        GenericExecuteSpec spec =
                db.sql(sql.append(" order by id limit :limit").toString()).bind("limit", limit + 1);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        if (sizeClass != null) {
            spec = spec.bind("size", sizeClass);
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(Restaurants::restaurant).all();
    }

    Mono<Void> save(Restaurant r) {
        GenericExecuteSpec spec = db.sql("""
                insert into restaurant (id, name, operator_credit_code, address, lon, lat, jurisdiction, corps_unit,
                  cooking_heads, size_class, purifier_model, purifier_efficiency, purifier_status, online_monitor)
                values (:id, :name, :credit, :address, :lon, :lat, :jurisdiction, :corps, :heads, :size, :model,
                  :efficiency, :status, :online)
                on conflict (id) do update set name = excluded.name, operator_credit_code = excluded.operator_credit_code,
                  address = excluded.address, lon = excluded.lon, lat = excluded.lat,
                  jurisdiction = excluded.jurisdiction, corps_unit = excluded.corps_unit,
                  cooking_heads = excluded.cooking_heads, size_class = excluded.size_class,
                  purifier_model = excluded.purifier_model, purifier_efficiency = excluded.purifier_efficiency,
                  purifier_status = excluded.purifier_status, online_monitor = excluded.online_monitor,
                  updated_at = now()""")
                .bind("id", r.id())
                .bind("name", r.name())
                .bind("lon", r.lon())
                .bind("lat", r.lat())
                .bind("jurisdiction", r.jurisdiction())
                .bind("heads", r.cookingHeads())
                .bind("size", r.sizeClass())
                .bind("status", r.purifierStatus())
                .bind("online", r.onlineMonitor());
        spec = bind(spec, "credit", r.operatorCreditCode(), String.class);
        spec = bind(spec, "address", r.address(), String.class);
        spec = bind(spec, "corps", r.corpsUnit(), String.class);
        spec = bind(spec, "model", r.purifierModel(), String.class);
        spec = bind(spec, "efficiency", r.purifierEfficiency(), BigDecimal.class);
        return spec.fetch().rowsUpdated().then();
    }

    Mono<Boolean> cleaning(String restaurantId, LocalDate on, String by, String photo) {
        return bind(
                        db.sql("insert into restaurant_cleaning (restaurant_id, cleaned_on, cleaned_by, photo) "
                                        + "values (:r, :on, :by, :photo) on conflict do nothing")
                                .bind("r", restaurantId)
                                .bind("on", on)
                                .bind("by", by),
                        "photo",
                        photo,
                        String.class)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    /** Stores readings; returns those new. */
    Flux<FumeReading> readings(List<FumeReading> readings) {
        return db.sql("""
                insert into restaurant_reading (restaurant_id, at, fume_mg_m3)
                select * from unnest(:ids::text[], :at::timestamptz[], :v::float8[]) on conflict do nothing
                returning restaurant_id, at, fume_mg_m3""")
                .bind("ids", readings.stream().map(FumeReading::restaurantId).toArray(String[]::new))
                .bind(
                        "at",
                        readings.stream()
                                .map(r -> r.at().atOffset(ZoneOffset.UTC))
                                .toArray(OffsetDateTime[]::new))
                .bind("v", readings.stream().map(FumeReading::fumeMgM3).toArray(Double[]::new))
                .map(r -> new FumeReading(
                        r.get("restaurant_id", String.class),
                        r.get("at", OffsetDateTime.class).toInstant(),
                        r.get("fume_mg_m3", Double.class)))
                .all();
    }

    /** Records a violation once; true when new. */
    Mono<Boolean> violation(String id, String restaurantId, String kind, Instant at) {
        return db.sql("insert into catering_violation (id, restaurant_id, kind, at) values (:id, :r, :k, :at) "
                        + "on conflict do nothing")
                .bind("id", id)
                .bind("r", restaurantId)
                .bind("k", kind)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    static Restaurant restaurant(Readable r) {
        return new Restaurant(
                r.get("id", String.class),
                r.get("name", String.class),
                r.get("operator_credit_code", String.class),
                r.get("address", String.class),
                r.get("lon", Double.class),
                r.get("lat", Double.class),
                r.get("jurisdiction", String.class),
                r.get("corps_unit", String.class),
                r.get("cooking_heads", Integer.class),
                r.get("size_class", String.class),
                r.get("purifier_model", String.class),
                r.get("purifier_efficiency", BigDecimal.class),
                r.get("purifier_status", String.class),
                Boolean.TRUE.equals(r.get("online_monitor", Boolean.class)));
    }
}
