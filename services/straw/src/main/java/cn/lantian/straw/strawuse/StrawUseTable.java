package cn.lantian.straw.strawuse;

import cn.lantian.straw.rules.Season;
import cn.lantian.straw.rules.StrawRules;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The straw_use table, read with each row's burning incidents of its season. */
@Repository
public class StrawUseTable {

    private final DatabaseClient db;
    private final StrawRules rules;

    StrawUseTable(DatabaseClient db, StrawRules rules) {
        this.db = db;
        this.rules = rules;
    }

    /** Stores a unit's season (replacing what was stored). */
    public Mono<Long> save(String unit, String season, StrawUseInput in, String by) {
        return db.sql("""
                        insert into straw_use (unit, season, crop_area_ha, produced_t, returned_t, feed_t, fuel_t,
                                               raw_material_t, base_material_t, updated_by)
                        values (:u, :s, :a, :p, :r, :f, :fu, :rm, :bm, :by)
                        on conflict (unit, season) do update set crop_area_ha = excluded.crop_area_ha,
                          produced_t = excluded.produced_t, returned_t = excluded.returned_t, feed_t = excluded.feed_t,
                          fuel_t = excluded.fuel_t, raw_material_t = excluded.raw_material_t,
                          base_material_t = excluded.base_material_t, updated_by = excluded.updated_by,
                          updated_at = now()""")
                .bind("u", unit)
                .bind("s", season)
                .bind("a", in.cropAreaHa())
                .bind("p", in.producedT())
                .bind("r", in.returnedT())
                .bind("f", in.feedT())
                .bind("fu", in.fuelT())
                .bind("rm", in.rawMaterialT())
                .bind("bm", in.baseMaterialT())
                .bind("by", by)
                .fetch()
                .rowsUpdated();
    }

    /** The rows of a season (or every season when null) for the units (every unit when null), by unit. */
    public Flux<StrawUse> rows(String season, List<String> units) {
        StringBuilder sql = new StringBuilder("""
                select unit, season, crop_area_ha, produced_t, returned_t, feed_t, fuel_t, raw_material_t,
                       base_material_t from straw_use where true""");
        if (season != null) {
            sql.append(" and season = :season");
        }
        if (units != null) {
            sql.append(" and unit = any(:units)");
        }
        sql.append(" order by season, unit");
        var spec = db.sql(sql.toString());
        if (season != null) {
            spec = spec.bind("season", season);
        }
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        return spec.map((r, m) -> new Object[] {
                    r.get("unit", String.class),
                    r.get("season", String.class),
                    r.get("crop_area_ha", Double.class),
                    r.get("produced_t", Double.class),
                    r.get("returned_t", Double.class),
                    r.get("feed_t", Double.class),
                    r.get("fuel_t", Double.class),
                    r.get("raw_material_t", Double.class),
                    r.get("base_material_t", Double.class)
                })
                .all()
                .concatMap(row -> incidents((String) row[0], (String) row[1]).map(n -> of(row, n)));
    }

    private Mono<Long> incidents(String unit, String seasonId) {
        Season season = rules.season(seasonId).orElse(null);
        if (season == null) {
            return Mono.just(0L);
        }
        return db.sql("""
                        select count(*) from incident where (jurisdiction = :u or corps_unit = :u)
                          and first_at >= :from and first_at < :to
                          and coalesce(verdict, '') not in ('false-alarm', 'industrial-source')""")
                .bind("u", unit)
                .bind("from", season.start())
                .bind("to", season.end())
                .map(r -> r.get(0, Long.class))
                .one();
    }

    private StrawUse of(Object[] row, long incidents) {
        double area = (Double) row[2];
        double produced = (Double) row[3];
        double used = (Double) row[4] + (Double) row[5] + (Double) row[6] + (Double) row[7] + (Double) row[8];
        double rate = produced == 0 ? 0 : Math.round(used / produced * 10000) / 10000.0;
        double target = rules.utilisationTarget();
        Double intensity = area == 0 ? null : Math.round(incidents / (area / rules.intensityPerHa()) * 1000) / 1000.0;
        return new StrawUse(
                (String) row[0],
                (String) row[1],
                area,
                produced,
                (Double) row[4],
                (Double) row[5],
                (Double) row[6],
                (Double) row[7],
                (Double) row[8],
                rate,
                target,
                rate >= target,
                incidents,
                intensity);
    }
}
