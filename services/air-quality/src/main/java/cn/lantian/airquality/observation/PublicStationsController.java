package cn.lantian.airquality.observation;

import cn.lantian.airquality.aqi.AqiStandards;
import cn.lantian.airquality.aqi.Category;
import cn.lantian.airquality.evaluation.DailyValues;
import cn.lantian.airquality.evaluation.EvaluationRuleSets;
import cn.lantian.airquality.station.Station;
import cn.lantian.airquality.station.Stations;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Public reads of stations: every station with its latest AQI, and a station's hourly or daily series. */
@RestController
class PublicStationsController {

    private static final int MAX_DAYS = 400;

    private final Stations stations;
    private final Observations observations;
    private final AqiStandards standards;
    private final DailyValues dailyValues;
    private final EvaluationRuleSets ruleSets;

    PublicStationsController(Stations stations, Observations observations, AqiStandards standards, DailyValues dailyValues,
            EvaluationRuleSets ruleSets) {
        this.stations = stations;
        this.observations = observations;
        this.standards = standards;
        this.dailyValues = dailyValues;
        this.ruleSets = ruleSets;
    }

    /** A station with its newest AQI. */
    record StationView(String id, String nameZh, String nameEn, String kind, double longitude, double latitude,
            String jurisdiction, String corpsUnit, Latest latest) {
    }

    /** The newest valid hour's AQI, with the standard version that produced it. */
    record Latest(Instant hour, Integer aqi, String categoryZh, String categoryEn, String colour, String primary,
            String standard) {
    }

    @GetMapping("/api/public/v1/stations")
    Mono<List<StationView>> stations() {
        return observations.latestPerStation().collectMap(h -> h.observation().station())
                .flatMap(latest -> stations.all().map(s -> view(s, latest)).collectList());
    }

    /**
     * A station's series: {@code resolution=hourly} (default) or {@code daily} (by the validity rules of the evaluation
     * version that assesses the first day's year),
     * between {@code from} and {@code to} (dates, Beijing time, {@code to} inclusive).
     */
    @GetMapping("/api/public/v1/stations/{id}/observations")
    Mono<?> series(@PathVariable String id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "hourly") String resolution) {
        LocalDate toDay = date("to", to, LocalDate.now(HourlyAqi.CHINA));
        LocalDate fromDay = date("from", from, toDay.minusDays(6));
        if (fromDay.isAfter(toDay)) {
            throw InvalidInput.of("from", "must not be after to");
        }
        if (fromDay.plusDays(MAX_DAYS).isBefore(toDay)) {
            throw InvalidInput.of("to", "at most " + MAX_DAYS + " days per request");
        }
        if (!resolution.equals("hourly") && !resolution.equals("daily")) {
            throw InvalidInput.of("resolution", "hourly or daily");
        }
        // The day D covers hours labelled D 01:00 to D+1 00:00 (end of hour), Beijing time.
        Instant start = fromDay.atTime(1, 0).atZone(HourlyAqi.CHINA).toInstant();
        Instant end = toDay.plusDays(1).atTime(1, 0).atZone(HourlyAqi.CHINA).toInstant();
        return stations.byId().flatMap(all -> {
            if (!all.containsKey(id)) {
                return Mono.error(new NotFound("No station " + id + "."));
            }
            Flux<Observations.StoredHour> hours = observations.between(id, start, end);
            if (resolution.equals("hourly")) {
                return hours.collectList();
            }
            return hours.map(Observations.StoredHour::observation).collectList()
                    .map(list -> dailyValues.withRules(ruleSets.forYear(fromDay.getYear())).ofStation(list));
        });
    }

    private StationView view(Station s, Map<String, Observations.StoredHour> latest) {
        Observations.StoredHour h = latest.get(s.id());
        Latest l = null;
        if (h != null) {
            Category c = standards.byId(h.standard()).orElseThrow().category(h.aqi());
            l = new Latest(h.observation().hour(), h.aqi(), c.nameZh(), c.nameEn(), c.rgb(), h.primary(), h.standard());
        }
        return new StationView(s.id(), s.nameZh(), s.nameEn(), s.kind(), s.longitude(), s.latitude(), s.jurisdiction(),
                s.corpsUnit(), l);
    }

    private static LocalDate date(String name, String text, LocalDate fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(name, "a date like 2024-01-31, not '" + text + "'");
        }
    }

}
