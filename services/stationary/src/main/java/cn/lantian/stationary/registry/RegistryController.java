package cn.lantian.stationary.registry;

import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
import cn.lantian.stationary.access.PermitAccess;
import cn.lantian.stationary.web.Page;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.Map;
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

/** The registry API: enterprises and their facilities, with history. */
@RestController
@RequestMapping("/api/stationary/v1")
class RegistryController {

    private static final int MAX_LIMIT = 500;

    private final RegistryService service;
    private final Registry registry;
    private final PermitAccess access;
    private final CsvImport imports;

    RegistryController(RegistryService service, Registry registry, PermitAccess access, CsvImport imports) {
        this.service = service;
        this.registry = registry;
        this.access = access;
        this.imports = imports;
    }

    @PostMapping(value = "/imports/enterprises", consumes = "text/csv")
    Mono<ImportReport> importEnterprises(@RequestBody String csv) {
        return Callers.current().flatMap(c -> imports.enterprises(c, csv));
    }

    @PostMapping(value = "/imports/facilities", consumes = "text/csv")
    Mono<ImportReport> importFacilities(@RequestBody String csv) {
        return Callers.current().flatMap(c -> imports.facilities(c, csv));
    }

    @PostMapping("/enterprises")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Enterprise> createEnterprise(@Valid @RequestBody EnterpriseInput in) {
        return Callers.current().flatMap(c -> service.saveEnterprise(c, in, null));
    }

    @PutMapping("/enterprises/{id}")
    Mono<Enterprise> changeEnterprise(@PathVariable String id, @Valid @RequestBody EnterpriseInput in) {
        return Callers.current().flatMap(c -> service.saveEnterprise(c, in, id));
    }

    @GetMapping("/enterprises")
    Mono<Page<Enterprise>> enterprises(
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String grade,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        int size = limit(limit);
        Map<String, String> filters = new HashMap<>();
        filters.put("jurisdiction", jurisdiction);
        filters.put("industry", industry);
        filters.put("grade", grade);
        return Callers.current()
                .flatMap(c -> registry.enterprises(access.visibleUnits(c), filters, after, size + 1)
                        .collectList()
                        .map(list -> Page.of(list, size, Enterprise::id)));
    }

    @GetMapping("/enterprises/{id}")
    Mono<Enterprise> enterprise(@PathVariable String id) {
        return Callers.current().flatMap(c -> visibleEnterprise(c, id));
    }

    @GetMapping("/enterprises/{id}/history")
    Flux<HistoryEntry> enterpriseHistory(@PathVariable String id) {
        return Callers.current()
                .flatMap(c -> visibleEnterprise(c, id))
                .flatMapMany(e -> registry.historyOf("enterprise", e.id()));
    }

    @PostMapping("/facilities")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Facility> createFacility(@Valid @RequestBody FacilityInput in) {
        return Callers.current().flatMap(c -> service.saveFacility(c, in, null));
    }

    @PutMapping("/facilities/{id}")
    Mono<Facility> changeFacility(@PathVariable String id, @Valid @RequestBody FacilityInput in) {
        return Callers.current().flatMap(c -> service.saveFacility(c, in, id));
    }

    @GetMapping("/facilities")
    Mono<Page<Facility>> facilities(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String enterpriseId,
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String fuel,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (kind != null && FacilityKind.of(kind).isEmpty()) {
            return Mono.error(InvalidInput.of("kind", "unknown facility kind"));
        }
        int size = limit(limit);
        Map<String, String> filters = new HashMap<>();
        filters.put("kind", kind);
        filters.put("enterpriseId", enterpriseId);
        filters.put("jurisdiction", jurisdiction);
        filters.put("status", status);
        filters.put("fuel", fuel);
        return Callers.current()
                .flatMap(c -> registry.facilities(access.visibleUnits(c), filters, after, size + 1)
                        .collectList()
                        .map(list -> Page.of(list, size, Facility::id)));
    }

    @GetMapping("/facilities/{id}")
    Mono<Facility> facility(@PathVariable String id) {
        return Callers.current().flatMap(c -> visibleFacility(c, id));
    }

    @GetMapping("/facilities/{id}/history")
    Flux<HistoryEntry> facilityHistory(@PathVariable String id) {
        return Callers.current()
                .flatMap(c -> visibleFacility(c, id))
                .flatMapMany(f -> registry.historyOf("facility", f.id()));
    }

    private Mono<Enterprise> visibleEnterprise(Caller c, String id) {
        return registry.enterprise(id)
                .filter(e -> access.mayRead(c, e.placement()))
                .switchIfEmpty(Mono.error(new NotFound("No enterprise " + id + ".")));
    }

    private Mono<Facility> visibleFacility(Caller c, String id) {
        return registry.facility(id)
                .filter(f -> access.mayRead(c, f.placement()))
                .switchIfEmpty(Mono.error(new NotFound("No facility " + id + ".")));
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
