package cn.lantian.airquality.evaluation;

import cn.lantian.airquality.observation.HourlyAqi;
import cn.lantian.web.InvalidInput;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/public/v1/targets/{year}}: the prefecture and each county and Corps unit against its targets. */
@RestController
class TargetsController {

    private final YearEvaluations evaluations;

    TargetsController(YearEvaluations evaluations) {
        this.evaluations = evaluations;
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
        return evaluations.evaluate(year, until);
    }
}
