package cn.lantian.straw.patrol;

import cn.lantian.security.Callers;
import cn.lantian.straw.firepoint.Incident;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Patrol work on incidents: assignment to a township or regiment, and verification on site. */
@RestController
@RequestMapping("/api/straw/v1/incidents/{id}")
class PatrolController {

    private final Patrols patrols;

    PatrolController(Patrols patrols) {
        this.patrols = patrols;
    }

    @PostMapping("/assignment")
    Mono<Incident> assign(@PathVariable String id, @Valid @RequestBody Assignment in) {
        return Callers.current().flatMap(c -> patrols.assign(c, id, in));
    }

    @PostMapping("/verification")
    Mono<Incident> verify(@PathVariable String id, @Valid @RequestBody Verification in) {
        return Callers.current().flatMap(c -> patrols.verify(c, id, in));
    }
}
