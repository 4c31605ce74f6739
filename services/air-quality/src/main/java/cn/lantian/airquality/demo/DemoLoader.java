package cn.lantian.airquality.demo;

import cn.lantian.airquality.alert.AlertCycle;
import cn.lantian.airquality.alert.ForecastDay;
import cn.lantian.airquality.observation.HourlyAqi;
import cn.lantian.airquality.station.Station;
import cn.lantian.airquality.station.Stations;
import cn.lantian.reference.Jurisdictions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers the demo stations and a winter alert episode when {@code lantian.demo.enabled=true}. The stations' hours
 * are not generated here: the live agency feeds (module {@code feeds}) publish three years of them up to the current
 * hour over the observation exchange, so the history takes the path of real data (intake, events, evaluation).
 * Idempotent: stations are upserts, and the episode is written once.
 */
@Component
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
public class DemoLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private final Stations stations;
    private final AlertCycle alerts;
    private final Jurisdictions jurisdictions;
    private final DatabaseClient db;
    private final Clock clock;

    public DemoLoader(
            Stations stations,
            AlertCycle alerts,
            Jurisdictions jurisdictions,
            DatabaseClient db,
            ObjectProvider<Clock> clock) {
        this.stations = stations;
        this.alerts = alerts;
        this.jurisdictions = jurisdictions;
        this.db = db;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public void run(ApplicationArguments args) {
        load().block();
    }

    /** Registers the stations and, once, the alert episode; returns the number of stations. */
    public Mono<Integer> load() {
        List<Station> plain = DemoStations.load(jurisdictions).stream()
                .map(DemoStation::station)
                .toList();
        return stations.saveAll(plain)
                .then(demoAlerts(LocalDate.now(clock.withZone(HourlyAqi.CHINA)).getYear() - 1))
                .thenReturn(plain.size())
                .doOnSuccess(n -> LOG.info("demo data: {} stations (their hours come from the live agency feeds)", n));
    }

    /** A December episode in Shache in {@code year}: issued yellow, upgraded to orange, downgraded, lifted. */
    private Mono<Void> demoAlerts(int year) {
        String county = "653125";
        return db.sql("select count(*) as n from alert where county = :county")
                .bind("county", county)
                .map(r -> r.get("n", Long.class))
                .one()
                .flatMap(n -> n > 0
                        ? Mono.<Void>empty()
                        : Flux.concat(
                                        forecast(county, year + "-12-14T16:00", 0, 160, 170, 120),
                                        forecast(county, year + "-12-15T16:00", 0, 210, 230, 180),
                                        forecast(county, year + "-12-17T16:00", 0, 0, 0, 170, 160),
                                        forecast(county, year + "-12-19T16:00", 0, 90, 80, 70))
                                .then());
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
