package cn.lantian.dust.idleland;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.web.Page;
import cn.lantian.security.Callers;
import cn.lantian.web.InvalidInput;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Idle and bare parcels and their tasks. */
@RestController
@RequestMapping("/api/dust/v1/parcels")
class IdleLandController {

    static final Set<String> STATUSES = Set.of("idle", "tasked", "greened", "paved", "covered");

    private final IdleLandService service;
    private final Parcels parcels;
    private final Access access;

    IdleLandController(IdleLandService service, Parcels parcels, Access access) {
        this.service = service;
        this.parcels = parcels;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Parcel>> create(@Valid @RequestBody IdleLandService.ParcelInput in) {
        Parcel parcel = service.check(in);
        return Callers.current()
                .flatMap(c -> service.create(c, parcel))
                .map(p -> ResponseEntity.status(HttpStatus.CREATED).body(p));
    }

    @GetMapping
    Mono<Page<Parcel>> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidInput.of("status", "must be one of " + String.join(", ", STATUSES));
        }
        if (after != null && after.length() > 64) {
            throw InvalidInput.of("after", "must be at most 64 characters");
        }
        return Callers.current()
                .flatMap(c -> parcels.page(access.visibleUnits(c), status, after, size)
                        .collectList())
                .map(rows -> Page.of(rows, size, Parcel::id));
    }

    @GetMapping("/{id}")
    Mono<Parcel> one(@PathVariable String id) {
        return Callers.current().flatMap(c -> service.visible(c, id));
    }

    @GetMapping("/{id}/tasks")
    Mono<List<IdleTask>> tasks(@PathVariable String id) {
        return Callers.current()
                .flatMap(c -> service.visible(c, id))
                .flatMap(p -> parcels.tasksOf(p.id()).collectList());
    }
}
