package cn.lantian.dust.road;

import cn.lantian.dust.demo.DemoPlaces;
import cn.lantian.reference.Jurisdictions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Demonstration roads when {@code lantian.demo.enabled=true}: eight county-town roads per county and twelve roads of
 * Kashgar City's built-up area, with mechanised cleaning for each of the last twelve months (some counties under the
 * target). Upserts: a second start fills in the months since.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class DemoRoads implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRoads.class);

    private final DatabaseClient db;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    DemoRoads(DatabaseClient db, Jurisdictions jurisdictions, Clock clock) {
        this.db = db;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Random random = new Random(2029);
        DemoPlaces places = new DemoPlaces(jurisdictions, random);
        List<String> ids = new ArrayList<>();
        List<BigDecimal> lengths = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<DemoPlaces.Point> points = new ArrayList<>();
        for (String unit : places.units()) {
            boolean city = unit.equals("653101");
            for (int i = 1; i <= (city ? 12 : 8); i++) {
                ids.add("demo-road-%s-%02d".formatted(unit, i));
                lengths.add(BigDecimal.valueOf(2 + random.nextInt(120), 1).add(BigDecimal.ONE));
                kinds.add(city ? "city-built-up" : "county-town");
                points.add(places.in(unit));
            }
        }
        db.sql("""
                insert into road (id, name, length_km, area_kind, lon, lat, jurisdiction, corps_unit)
                select i, '演示道路 ' || i, l, k, x, y, j, nullif(c, '')
                from unnest(:ids::text[], :l::numeric[], :k::text[], :x::float8[], :y::float8[], :j::text[], :c::text[])
                  as u(i, l, k, x, y, j, c)
                on conflict (id) do nothing""")
                .bind("ids", ids.toArray(String[]::new))
                .bind("l", lengths.toArray(BigDecimal[]::new))
                .bind("k", kinds.toArray(String[]::new))
                .bind("x", points.stream().map(DemoPlaces.Point::lon).toArray(Double[]::new))
                .bind("y", points.stream().map(DemoPlaces.Point::lat).toArray(Double[]::new))
                .bind(
                        "j",
                        points.stream().map(p -> p.placement().jurisdiction()).toArray(String[]::new))
                .bind(
                        "c",
                        points.stream()
                                .map(p -> p.placement().corpsUnit() == null
                                        ? ""
                                        : p.placement().corpsUnit())
                                .toArray(String[]::new))
                .fetch()
                .rowsUpdated()
                .block();
        YearMonth current = YearMonth.from(LocalDate.now(clock));
        List<String> roads = new ArrayList<>();
        List<LocalDate> months = new ArrayList<>();
        List<BigDecimal> cleaned = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            LocalDate month = current.minusMonths(m).atDay(1);
            for (int i = 0; i < ids.size(); i++) {
                double share = 0.55 + random.nextDouble() * 0.45;
                roads.add(ids.get(i));
                months.add(month);
                cleaned.add(lengths.get(i).multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.HALF_UP));
            }
        }
        db.sql("""
                insert into road_cleaning (road_id, month, mechanised_km)
                select * from unnest(:r::text[], :m::date[], :k::numeric[]) on conflict do nothing""")
                .bind("r", roads.toArray(String[]::new))
                .bind("m", months.toArray(LocalDate[]::new))
                .bind("k", cleaned.toArray(BigDecimal[]::new))
                .fetch()
                .rowsUpdated()
                .block();
        LOG.info("demo roads: {} roads, 12 months of cleaning", ids.size());
    }
}
