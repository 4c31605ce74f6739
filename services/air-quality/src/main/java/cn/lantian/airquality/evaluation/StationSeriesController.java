package cn.lantian.airquality.evaluation;

import cn.lantian.airquality.observation.HourlyAqi;
import cn.lantian.airquality.observation.Observations;
import cn.lantian.airquality.station.Stations;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/public/v1/stations/{id}/observations}: a station's stored hours or its daily values. It lives here,
 * not beside the hourly intake, because daily values are the evaluation's: observation must not depend on evaluation.
 */
@RestController
class StationSeriesController {

    private static final int MAX_DAYS = 400;

    private final Stations stations;
    private final Observations observations;
    private final DailyValues dailyValues;
    private final EvaluationRuleSets ruleSets;

    StationSeriesController(
            Stations stations, Observations observations, DailyValues dailyValues, EvaluationRuleSets ruleSets) {
        this.stations = stations;
        this.observations = observations;
        this.dailyValues = dailyValues;
        this.ruleSets = ruleSets;
    }

    /**
     * A station's series: {@code resolution=hourly} (default) or {@code daily} (by the validity rules of the evaluation
     * version that assesses the first day's year),
     * between {@code from} and {@code to} (dates, Beijing time, {@code to} inclusive).
     */
    @GetMapping("/api/public/v1/stations/{id}/observations")
    Mono<?> series(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "hourly") String resolution) {
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
            return hours.map(Observations.StoredHour::observation)
                    .collectList()
                    .map(list -> dailyValues
                            .withRules(ruleSets.forYear(fromDay.getYear()))
                            .ofStation(list));
        });
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
