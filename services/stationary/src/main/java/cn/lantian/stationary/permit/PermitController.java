package cn.lantian.stationary.permit;

import cn.lantian.security.Callers;
import cn.lantian.stationary.access.PermitAccess;
import cn.lantian.stationary.registry.HistoryEntry;
import cn.lantian.stationary.registry.Registry;
import cn.lantian.stationary.web.Page;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The permit API. */
@RestController
@RequestMapping("/api/stationary/v1/permits")
class PermitController {

    /** Body of a renewal. */
    record Renewal(LocalDate validUntil) {}

    /** Body of a revocation. */
    record Revocation(@Size(max = TextLength.TEXT) String reason) {}

    private final PermitService service;
    private final Permits permits;
    private final Registry registry;
    private final PermitAccess access;

    PermitController(PermitService service, Permits permits, Registry registry, PermitAccess access) {
        this.service = service;
        this.permits = permits;
        this.registry = registry;
        this.access = access;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Permit> issue(@Valid @RequestBody PermitInput in) {
        return Callers.current().flatMap(c -> service.issue(c, in));
    }

    @PutMapping("/{number}")
    Mono<Permit> change(@PathVariable String number, @Valid @RequestBody PermitInput in) {
        return Callers.current().flatMap(c -> service.change(c, number, in));
    }

    @PostMapping("/{number}/renewal")
    Mono<Permit> renew(@PathVariable String number, @Valid @RequestBody Renewal body) {
        return Callers.current().flatMap(c -> service.renew(c, number, body.validUntil()));
    }

    @PostMapping("/{number}/revocation")
    Mono<Permit> revoke(@PathVariable String number, @Valid @RequestBody Revocation body) {
        return Callers.current().flatMap(c -> service.revoke(c, number, body.reason()));
    }

    @GetMapping
    Mono<Page<Permit>> list(
            @RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            return Mono.error(InvalidInput.of("limit", "must be between 1 and 500"));
        }
        return Callers.current()
                .flatMap(c -> permits.list(access.visibleUnits(c), enterpriseId, status, after, limit + 1)
                        .collectList()
                        .map(l -> Page.of(l, limit, Permit::number)));
    }

    @GetMapping("/{number}")
    Mono<Permit> one(@PathVariable String number) {
        return Callers.current()
                .flatMap(c -> permits.find(number)
                        .filterWhen(
                                p -> registry.enterprise(p.enterpriseId()).map(e -> access.mayRead(c, e.placement())))
                        .switchIfEmpty(Mono.error(new NotFound("No permit " + number + "."))));
    }

    @GetMapping("/{number}/history")
    Flux<HistoryEntry> history(@PathVariable String number) {
        return one(number).flatMapMany(p -> registry.historyOf("permit", p.number()));
    }
}
