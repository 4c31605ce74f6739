package cn.lantian.airquality.demo;

import cn.lantian.airquality.alert.AlertCycle;
import cn.lantian.airquality.alert.ForecastDay;
import cn.lantian.airquality.evaluation.TargetStatusWatch;
import cn.lantian.airquality.observation.HourlyAqi;
import cn.lantian.airquality.observation.Observations;
import cn.lantian.airquality.station.Station;
import cn.lantian.airquality.station.Stations;
import cn.lantian.reference.Jurisdictions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads the demo stations, the generated year 2024 and a winter alert episode when {@code lantian.demo.enabled=true}.
 * Idempotent: stations and hours are upserts, and a year already present is not generated again.
 */
@Component
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
public class DemoLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
    private static final long COMPLETE_YEAR_HOURS = 8000;

    private final Stations stations;
    private final Observations observations;
    private final AlertCycle alerts;
    private final TargetStatusWatch watch;
    private final Jurisdictions jurisdictions;
    private final DatabaseClient db;

    public DemoLoader(Stations stations, Observations observations, AlertCycle alerts, TargetStatusWatch watch,
            Jurisdictions jurisdictions, DatabaseClient db) {
        this.stations = stations;
        this.observations = observations;
        this.alerts = alerts;
        this.watch = watch;
        this.jurisdictions = jurisdictions;
        this.db = db;
    }

    @Override
    public void run(ApplicationArguments args) {
        load().block();
    }

    /** Loads what is missing; returns the number of hours written (0 when the year was already there). */
    public Mono<Long> load() {
        long started = System.nanoTime();
        DemoShape shape = DemoShape.load();
        List<DemoStation> demo = DemoStations.load(jurisdictions);
        List<Station> plain = demo.stream().map(DemoStation::station).toList();
        var from = LocalDate.of(shape.year(), 1, 1).atStartOfDay(HourlyAqi.CHINA).toOffsetDateTime();
        return stations.saveAll(plain)
                .then(db.sql("select count(*) as n from observation where station_id = :id and hour > :from and hour <= :to")
                        .bind("id", plain.get(0).id()).bind("from", from).bind("to", from.plusYears(1))
                        .map(r -> r.get("n", Long.class)).one())
                // A year mostly present was loaded before; a few stray hours (tests, manual ingest) are overwritten.
                .flatMap(present -> present >= COMPLETE_YEAR_HOURS ? Mono.just(0L)
                        : observations.upsert(new DemoYear(shape).generate(demo)))
                .flatMap(written -> demoAlerts().thenReturn(written))
                .doOnSuccess(written -> {
                    LOG.info("demo data: {} stations, {} hours written in {} ms", plain.size(), written,
                            (System.nanoTime() - started) / 1_000_000);
                    watch.request(Set.of(shape.year()));
                });
    }

    /** A December episode in Shache: issued yellow, upgraded to orange, downgraded, lifted. */
    private Mono<Void> demoAlerts() {
        String county = "653125";
        return db.sql("select count(*) as n from alert where county = :county").bind("county", county)
                .map(r -> r.get("n", Long.class)).one()
                .flatMap(n -> n > 0 ? Mono.<Void>empty() : Flux.concat(
                        forecast(county, "2024-12-14T16:00", 0, 160, 170, 120),
                        forecast(county, "2024-12-15T16:00", 0, 210, 230, 180),
                        forecast(county, "2024-12-17T16:00", 0, 0, 0, 170, 160),
                        forecast(county, "2024-12-19T16:00", 0, 90, 80, 70)).then());
    }

    private Mono<AlertCycle.Outcome> forecast(String county, String issued, int... aqi) {
        LocalDateTime at = LocalDateTime.parse(issued);
        LocalDate first = at.toLocalDate().minusDays(1);
        List<ForecastDay> days = new java.util.ArrayList<>();
        for (int i = 0; i < aqi.length; i++) {
            if (aqi[i] > 0) {
                days.add(new ForecastDay(first.plusDays(i), aqi[i], false));
            }
        }
        return alerts.forecast(county, at.atZone(HourlyAqi.CHINA).toInstant(), days);
    }
}
