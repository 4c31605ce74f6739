package cn.lantian.airquality.evaluation;

import cn.lantian.airquality.observation.HourlyAqi;
import cn.lantian.airquality.observation.Observation;
import cn.lantian.airquality.observation.Observations;
import cn.lantian.airquality.station.Stations;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Loads a year's stations, hours and flagged dust days and evaluates them. */
@Service
public class YearEvaluations {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(YearEvaluations.class);

    private final Stations stations;
    private final Observations observations;
    private final DustDays dustDays;
    private final YearEvaluation evaluation;

    public YearEvaluations(
            Stations stations,
            Observations observations,
            DustDays dustDays,
            DailyValues dailyValues,
            EvaluationRuleSets ruleSets,
            Targets targets) {
        this.stations = stations;
        this.observations = observations;
        this.dustDays = dustDays;
        this.evaluation = new YearEvaluation(dailyValues, ruleSets, targets);
    }

    /**
     * The year's evaluation up to {@code asOf} (inclusive), by the rules that assess the year; where they ask for a
     * rolling mean, the earlier years of the window are evaluated whole (each by its own rules) to supply it.
     */
    public Mono<YearEvaluation.Result> evaluate(int year, LocalDate asOf) {
        int window = evaluation.rulesFor(year).rollingYears();
        if (window <= 1) {
            return evaluateAlone(year, asOf);
        }
        return Flux.range(year - window + 1, window - 1)
                .concatMap(earlier -> evaluateAlone(earlier, LocalDate.of(earlier, 12, 31)))
                .collectList()
                .zipWith(evaluateAlone(year, asOf), (earlier, now) -> now.withEarlierYears(earlier));
    }

    private Mono<YearEvaluation.Result> evaluateAlone(int year, LocalDate asOf) {
        Instant from =
                LocalDate.of(year, 1, 1).atTime(1, 0).atZone(HourlyAqi.CHINA).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1)
                .atTime(1, 0)
                .atZone(HourlyAqi.CHINA)
                .toInstant();
        Mono<Map<String, Map<LocalDate, String>>> flagged = dustDays.ofYear(year);
        return Mono.zip(
                        stations.all().collectList(),
                        observations.allBetween(from, to).collect(Collectors.groupingBy(Observation::station)),
                        flagged)
                .publishOn(Schedulers.boundedElastic())
                .map(t -> {
                    long started = System.nanoTime();
                    YearEvaluation.Result result = evaluation.evaluate(year, asOf, t.getT1(), t.getT2(), t.getT3());
                    LOG.info(
                            "evaluated {}: {} stations, {} hours in {} ms (after loading)",
                            year,
                            t.getT1().size(),
                            t.getT2().values().stream().mapToInt(List::size).sum(),
                            (System.nanoTime() - started) / 1_000_000);
                    return result;
                });
    }
}
