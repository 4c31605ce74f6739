package cn.lantian.airquality.evaluation;

import cn.lantian.airquality.observation.HourlyAqi;
import cn.lantian.airquality.observation.Observation;
import cn.lantian.airquality.observation.Observations;
import cn.lantian.airquality.station.Stations;
import cn.lantian.airquality.web.InvalidInput;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /api/public/v1/targets/{year}}: the prefecture and each county and Corps unit against its targets. */
@RestController
class TargetsController {

    private final Stations stations;
    private final Observations observations;
    private final YearEvaluation evaluation;

    TargetsController(Stations stations, Observations observations, DailyValues dailyValues, Targets targets) {
        this.stations = stations;
        this.observations = observations;
        this.evaluation = new YearEvaluation(dailyValues, targets);
    }

    /** The year's evaluation up to {@code asOf} (a date; default today, Beijing time). */
    @GetMapping("/api/public/v1/targets/{year}")
    Mono<YearEvaluation.Result> targets(@PathVariable int year, @RequestParam(required = false) String asOf) {
        if (year < 2013 || year > 2100) {
            throw InvalidInput.of("year", "between 2013 and 2100");
        }
        LocalDate until;
        try {
            until = asOf == null ? LocalDate.now(HourlyAqi.CHINA) : LocalDate.parse(asOf);
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInput.of("asOf", "a date like 2024-06-30, not '" + asOf + "'");
        }
        var from = LocalDate.of(year, 1, 1).atTime(1, 0).atZone(HourlyAqi.CHINA).toInstant();
        var to = LocalDate.of(year + 1, 1, 1).atTime(1, 0).atZone(HourlyAqi.CHINA).toInstant();
        return Mono.zip(stations.all().collectList(), observations.allBetween(from, to).map(Observations.StoredHour::observation)
                        .collect(Collectors.groupingBy(Observation::station)))
                .publishOn(Schedulers.boundedElastic())
                .map(t -> evaluation.evaluate(year, until, t.getT1(), t.getT2(), Map.<String, Map<LocalDate, String>>of()));
    }

}
