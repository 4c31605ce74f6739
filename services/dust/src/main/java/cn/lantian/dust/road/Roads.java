package cn.lantian.dust.road;

import cn.lantian.dust.db.Binds;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Roads and their monthly mechanised cleaning in PostgreSQL. */
@Repository
class Roads {

    /** The cleaned and total length of one county's roads of one kind in a month. */
    record Sum(String county, String areaKind, BigDecimal lengthKm, BigDecimal cleanedKm) {}

    private final DatabaseClient db;

    Roads(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts the road; false when its id exists already. */
    Mono<Boolean> insert(Road road) {
        return values(db.sql("""
                        insert into road (id, name, length_km, area_kind, lon, lat, jurisdiction, corps_unit)
                        values (:id, :name, :length, :kind, :lon, :lat, :jurisdiction, :corps)
                        on conflict (id) do nothing"""), road).fetch().rowsUpdated().map(n -> n == 1);
    }

    /** Replaces everything but the id. */
    Mono<Long> update(Road road) {
        return values(db.sql("""
                        update road set name = :name, length_km = :length, area_kind = :kind, lon = :lon, lat = :lat,
                          jurisdiction = :jurisdiction, corps_unit = :corps
                        where id = :id"""), road).fetch().rowsUpdated();
    }

    Mono<Road> byId(String id) {
        return db.sql("select * from road where id = :id")
                .bind("id", id)
                .map(Roads::road)
                .one();
    }

    /** The longest mechanised cleaning recorded for the road in any month, zero when none. */
    Mono<BigDecimal> mostCleaned(String id) {
        return db.sql("select coalesce(max(mechanised_km), 0) as km from road_cleaning where road_id = :id")
                .bind("id", id)
                .map(r -> r.get("km", BigDecimal.class))
                .one();
    }

    /** A page in id order of the roads in the units (all where null), of one kind where given. */
    Flux<Road> page(List<String> units, String kind, String after, int limit) {
        StringBuilder sql = new StringBuilder("select * from road where true");
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
        }
        if (kind != null) {
            sql.append(" and area_kind = :kind");
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
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(Roads::road).all();
    }

    /** Records (or corrects) a month's mechanised cleaning of a road. */
    Mono<Long> cleaning(String id, LocalDate month, BigDecimal km) {
        return db.sql("""
                insert into road_cleaning (road_id, month, mechanised_km) values (:id, :month, :km)
                on conflict (road_id, month) do update set mechanised_km = excluded.mechanised_km""")
                .bind("id", id)
                .bind("month", month)
                .bind("km", km)
                .fetch()
                .rowsUpdated();
    }

    /** Per county and kind of area, the roads' length and what was cleaned in the month, for the units seen. */
    Flux<Sum> sums(List<String> units, LocalDate month) {
        GenericExecuteSpec spec = db.sql("""
                        select r.jurisdiction, r.area_kind, sum(r.length_km) as length_km,
                          coalesce(sum(c.mechanised_km), 0) as cleaned_km
                        from road r left join road_cleaning c on c.road_id = r.id and c.month = :month
                        where true"""
                        + (units == null ? "" : " and (r.jurisdiction = any(:units) or r.corps_unit = any(:units))")
                        + " group by r.jurisdiction, r.area_kind order by r.jurisdiction, r.area_kind")
                .bind("month", month);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        return spec.map(r -> new Sum(
                        r.get("jurisdiction", String.class),
                        r.get("area_kind", String.class),
                        r.get("length_km", BigDecimal.class),
                        r.get("cleaned_km", BigDecimal.class)))
                .all();
    }

    private static GenericExecuteSpec values(GenericExecuteSpec spec, Road road) {
        return Binds.bind(
                spec.bind("id", road.id())
                        .bind("name", road.name())
                        .bind("length", road.lengthKm())
                        .bind("kind", road.areaKind())
                        .bind("lon", road.lon())
                        .bind("lat", road.lat())
                        .bind("jurisdiction", road.jurisdiction()),
                "corps",
                road.corpsUnit(),
                String.class);
    }

    private static Road road(Readable r) {
        return new Road(
                r.get("id", String.class),
                r.get("name", String.class),
                r.get("length_km", BigDecimal.class),
                r.get("area_kind", String.class),
                r.get("lon", Double.class),
                r.get("lat", Double.class),
                r.get("jurisdiction", String.class),
                r.get("corps_unit", String.class));
    }
}
