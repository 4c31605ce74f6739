package cn.lantian.enforcement.assessment;

import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
import cn.lantian.web.Forbidden;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The half-yearly assessment: preview and publish (prefecture), read the published scorecards (anyone). */
@RestController
class AssessmentController {

    private final Assessment assessment;

    AssessmentController(Assessment assessment) {
        this.assessment = assessment;
    }

    /** The scoring rule with its source. */
    @GetMapping("/api/enforcement/v1/assessments/weights")
    Weights weights() {
        return assessment.weights();
    }

    @GetMapping("/api/enforcement/v1/assessments/{period}/preview")
    Mono<List<Scorecard>> preview(@PathVariable String period) {
        Period p = Period.parse(period);
        return Callers.current()
                .filter(Caller::prefecture)
                .switchIfEmpty(Mono.error(() -> new Forbidden("only the prefecture previews the assessment")))
                .flatMap(c -> assessment.preview(p));
    }

    @PostMapping("/api/enforcement/v1/assessments/{period}")
    Mono<List<Scorecard>> publish(@PathVariable String period) {
        Period p = Period.parse(period);
        return Callers.current()
                .filter(Caller::prefecture)
                .switchIfEmpty(Mono.error(() -> new Forbidden("only the prefecture publishes the assessment")))
                .flatMap(c -> assessment.publish(p, c.username()));
    }

    @GetMapping({"/api/enforcement/v1/assessments/{period}", "/api/public/v1/assessments/{period}"})
    Mono<List<Scorecard>> published(@PathVariable String period) {
        return assessment.published(Period.parse(period)).collectList();
    }
}
