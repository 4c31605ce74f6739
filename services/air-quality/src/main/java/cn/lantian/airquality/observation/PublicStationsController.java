package cn.lantian.airquality.observation;

import cn.lantian.airquality.aqi.AqiStandard;
import cn.lantian.airquality.aqi.AqiStandards;
import cn.lantian.airquality.aqi.Category;
import cn.lantian.airquality.aqi.Report;
import cn.lantian.airquality.station.Station;
import cn.lantian.airquality.station.Stations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Public reads of stations: every station with its latest AQI (a station's series is the evaluation's). */
@RestController
class PublicStationsController {

    private final Stations stations;
    private final Observations observations;
    private final AqiStandards standards;

    PublicStationsController(Stations stations, Observations observations, AqiStandards standards) {
        this.stations = stations;
        this.observations = observations;
        this.standards = standards;
    }

    /**
     * A station with its newest AQI and what is known of it (operator, elevation in metres, first day of reporting:
     * null when not known).
     */
    record StationView(
            String id,
            String nameZh,
            String nameEn,
            String nameUg,
            String kind,
            double longitude,
            double latitude,
            String jurisdiction,
            String corpsUnit,
            String operator,
            Double elevationM,
            java.time.LocalDate operatingSince,
            Latest latest) {}

    /**
     * The newest valid hour's AQI, with the standard version that produced it and how that version's real-time report
     * is made ({@code basis}: before 2026-03-01 the national centre's practice, since then HJ 633-2026 4.2.3).
     */
    record Latest(
            Instant hour,
            Integer aqi,
            String categoryZh,
            String categoryEn,
            String colour,
            String primary,
            String standard,
            String basis) {}

    @GetMapping("/api/public/v1/stations")
    Mono<List<StationView>> stations() {
        return observations
                .latestPerStation()
                .collectMap(h -> h.observation().station())
                .flatMap(latest -> stations.all().map(s -> view(s, latest)).collectList());
    }

    private StationView view(Station s, Map<String, Observations.StoredHour> latest) {
        Observations.StoredHour h = latest.get(s.id());
        Latest l = null;
        if (h != null) {
            AqiStandard standard = standards.byId(h.standard()).orElseThrow();
            Category c = standard.category(h.aqi());
            l = new Latest(
                    h.observation().hour(),
                    h.aqi(),
                    c.nameZh(),
                    c.nameEn(),
                    c.rgb(),
                    h.primary(),
                    h.standard(),
                    standard.reportSource(Report.REAL_TIME));
        }
        return new StationView(
                s.id(),
                s.nameZh(),
                s.nameEn(),
                s.nameUg(),
                s.kind(),
                s.longitude(),
                s.latitude(),
                s.jurisdiction(),
                s.corpsUnit(),
                s.operator(),
                s.elevationM(),
                s.operatingSince(),
                l);
    }
}
