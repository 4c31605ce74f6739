package cn.lantian.mobile.scrapping;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.mobile.web.Page;
import cn.lantian.security.Callers;
import cn.lantian.web.InvalidInput;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Scrapping obligations per county and Corps unit, their progress, and deregistration. */
@RestController
@RequestMapping("/api/mobile/v1")
class ScrappingController {

    private static final int MAX_LIMIT = 500;

    private final Obligations obligations;
    private final Deregistration deregistration;
    private final ScrappingRule rule;
    private final Jurisdiction access;

    ScrappingController(
            Obligations obligations, Deregistration deregistration, ScrappingRule rule, Jurisdiction access) {
        this.obligations = obligations;
        this.deregistration = deregistration;
        this.rule = rule;
        this.access = access;
    }

    /** A deregistration: the date the vehicle left the register (scrapped). */
    record DeregistrationInput(LocalDate date) {}

    /** A vehicle that must be scrapped, and why. */
    record Obligation(Vehicle vehicle, String reason) {}

    @PostMapping("/vehicles/{id}/deregistration")
    Mono<Vehicle> deregister(@PathVariable String id, @RequestBody DeregistrationInput in) {
        return Callers.current().flatMap(c -> deregistration.deregister(c, id, in.date()));
    }

    @GetMapping("/scrapping/obligations")
    Mono<Page<Obligation>> open(
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
        return Callers.current()
                .flatMap(c -> obligations
                        .open(access.visibleUnits(c), jurisdiction, plate, after, limit + 1)
                        .map(v -> new Obligation(v, rule.reasonFor(v).orElse(null)))
                        .collectList()
                        .map(list -> Page.of(list, limit, o -> o.vehicle().id())));
    }

    @GetMapping("/scrapping/progress")
    Mono<List<Obligations.Progress>> progress() {
        return Callers.current()
                .flatMap(c -> obligations.progress(access.visibleUnits(c)).collectList());
    }
}
