package cn.lantian.mobile.machinery;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.web.Page;
import cn.lantian.security.Callers;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Non-road machinery: code registration, sightings at work and the violations they revealed. */
@RestController
@RequestMapping("/api/mobile/v1/machinery")
class MachineryController {

    private static final int MAX_LIMIT = 500;
    private static final List<String> KINDS = List.of(Sightings.UNREGISTERED, Sightings.BLACK_SMOKE, Sightings.ZONE);

    private final MachineRegistry registry;
    private final Machines machines;
    private final Sightings sightings;
    private final Jurisdiction access;

    MachineryController(MachineRegistry registry, Machines machines, Sightings sightings, Jurisdiction access) {
        this.registry = registry;
        this.machines = machines;
        this.sightings = sightings;
        this.access = access;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Machine> register(@Valid @RequestBody MachineInput in) {
        return Callers.current().flatMap(c -> registry.register(c, in));
    }

    @GetMapping
    Mono<Page<Machine>> list(
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
        Map<String, String> filters = new HashMap<>();
        filters.put("jurisdiction", jurisdiction);
        filters.put("kind", kind);
        filters.put("stage", stage);
        return Callers.current()
                .flatMap(c -> machines.page(access.visibleUnits(c), filters, after, limit + 1)
                        .collectList()
                        .map(list -> Page.of(list, limit, Machine::code)));
    }

    @GetMapping("/{code}")
    Mono<Machine> one(@PathVariable String code) {
        return Callers.current()
                .flatMap(c -> machines.byCode(code).filter(m -> access.mayRead(c, m.placement())))
                .switchIfEmpty(Mono.error(new NotFound("No machine " + code + ".")));
    }

    @PostMapping("/sightings")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SightingReport> sighting(@Valid @RequestBody SightingInput in) {
        return Callers.current().flatMap(c -> sightings.record(c, in));
    }

    @GetMapping("/violations")
    Mono<Page<Violation>> violations(
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (kind != null && !KINDS.contains(kind)) {
            return Mono.error(InvalidInput.of("kind", "must be one of " + String.join(", ", KINDS)));
        }
        return Callers.current()
                .flatMap(c -> sightings
                        .page(access.visibleUnits(c), jurisdiction, kind, after, limit + 1)
                        .collectList()
                        .map(list -> Page.of(list, limit, Violation::id)));
    }
}
