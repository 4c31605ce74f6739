package cn.lantian.mobile.scrapping;

import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.mobile.vehicle.Vehicles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The scrapping rule as SQL over the registry, for lists and counts; {@link ScrappingRule#reasonFor} is the same rule
 * for one vehicle, and the integration tests keep both in step at the China IV edge.
 */
@Repository
class Obligations {

    private final DatabaseClient db;
    private final ScrappingRule rule;

    Obligations(DatabaseClient db, ScrappingRule rule) {
        this.db = db;
        this.rule = rule;
    }

    private static final String OLD_DIESEL = "(fuel = 'diesel' and operating_freight and kind like '%-truck' "
            + "and (certified_on < :chinaIv or emission_stage = any(:oldStages)))";
    private static final String OLD_GAS = "(fuel = any(:gasFuels))";

    /** One page of vehicles still registered that must be scrapped, ordered by id; units null for all. */
    Flux<Vehicle> open(List<String> units, String jurisdiction, String plate, String after, int limit) {
        StringBuilder sql = new StringBuilder("select " + Vehicles.COLUMNS + " from vehicle where status = "
                + "'registered' and (" + OLD_DIESEL + " or " + OLD_GAS + ")");
        Map<String, Object> binds = binds();
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
            binds.put("units", units.toArray(String[]::new));
        }
        if (jurisdiction != null) {
            sql.append(" and (jurisdiction = :j or corps_unit = :j)");
            binds.put("j", jurisdiction);
        }
        if (plate != null) {
            sql.append(" and plate = :plate");
            binds.put("plate", plate);
        }
        if (after != null) {
            sql.append(" and id > :after");
            binds.put("after", after);
        }
        sql.append(" order by id limit :limit");
        binds.put("limit", limit);
        return bind(sql.toString(), binds).map(Vehicles::read).all();
    }

    /**
     * Per home unit (Corps unit where there is one, else county): obligations open, vehicles scrapped, and those
     * scrapped on or after {@code yearStart}.
     */
    Flux<Progress> progress(List<String> units, java.time.LocalDate yearStart) {
        StringBuilder sql = new StringBuilder("select coalesce(corps_unit, jurisdiction) as unit, "
                + "count(*) filter (where status = 'registered') as open, "
                + "count(*) filter (where status = 'deregistered') as scrapped, "
                + "count(*) filter (where status = 'deregistered' and deregistered_on >= :yearStart) as this_year "
                + "from vehicle where (" + OLD_DIESEL + " or " + OLD_GAS + ")");
        Map<String, Object> binds = binds();
        binds.put("yearStart", yearStart);
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
            binds.put("units", units.toArray(String[]::new));
        }
        sql.append(" group by 1 order by 1");
        return bind(sql.toString(), binds)
                .map(r -> new Progress(
                        r.get("unit", String.class),
                        r.get("open", Long.class),
                        r.get("scrapped", Long.class),
                        r.get("this_year", Long.class)))
                .all();
    }

    private Map<String, Object> binds() {
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("chinaIv", rule.chinaIvForAll());
        binds.put("oldStages", ScrappingRule.OLD_STAGES.toArray(String[]::new));
        binds.put("gasFuels", ScrappingRule.GAS_FUELS.toArray(String[]::new));
        return binds;
    }

    private DatabaseClient.GenericExecuteSpec bind(String sql, Map<String, Object> binds) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec;
    }

    /** Scrapping progress of one home unit. */
    record Progress(String unit, long open, long scrapped, long scrappedThisYear) {}
}
