package cn.lantian.mobile.vehicle;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.web.Page;
import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
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

/** The vehicle registry API: registrations, their history, CSV import. */
@RestController
@RequestMapping("/api/mobile/v1")
class VehicleController {

    private static final int MAX_LIMIT = 500;

    private final VehicleService service;
    private final Vehicles vehicles;
    private final Jurisdiction access;
    private final CsvImport imports;

    VehicleController(VehicleService service, Vehicles vehicles, Jurisdiction access, CsvImport imports) {
        this.service = service;
        this.vehicles = vehicles;
        this.access = access;
        this.imports = imports;
    }

    @PostMapping(value = "/imports/vehicles", consumes = "text/csv")
    Mono<ImportReport> importVehicles(@RequestBody String csv) {
        return Callers.current().flatMap(c -> imports.vehicles(c, csv));
    }

    @PostMapping("/vehicles")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Vehicle> register(@Valid @RequestBody VehicleInput in) {
        return Callers.current().flatMap(c -> service.save(c, in, null));
    }

    @PutMapping("/vehicles/{id}")
    Mono<Vehicle> change(@PathVariable String id, @Valid @RequestBody VehicleInput in) {
        return Callers.current().flatMap(c -> service.save(c, in, id));
    }

    @GetMapping("/vehicles")
    Mono<Page<Vehicle>> list(
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String fuel,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
        Map<String, String> filters = new HashMap<>();
        filters.put("jurisdiction", jurisdiction);
        filters.put("kind", kind);
        filters.put("fuel", fuel);
        filters.put("stage", stage);
        filters.put("status", status);
        filters.put("plate", plate);
        return Callers.current()
                .flatMap(c -> vehicles.page(access.visibleUnits(c), filters, after, limit + 1)
                        .collectList()
                        .map(list -> Page.of(list, limit, Vehicle::id)));
    }

    @GetMapping("/vehicles/{id}")
    Mono<Vehicle> one(@PathVariable String id) {
        return Callers.current().flatMap(c -> visible(c, id));
    }

    @GetMapping("/vehicles/{id}/history")
    Flux<HistoryEntry> history(@PathVariable String id) {
        return Callers.current().flatMap(c -> visible(c, id)).flatMapMany(v -> vehicles.history(v.id()));
    }

    private Mono<Vehicle> visible(Caller c, String id) {
        return vehicles.byId(id)
                .filter(v -> access.mayRead(c, v.placement()))
                .switchIfEmpty(Mono.error(new NotFound("No vehicle " + id + ".")));
    }
}
