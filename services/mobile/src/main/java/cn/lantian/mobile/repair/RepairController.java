package cn.lantian.mobile.repair;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.mobile.vehicle.Vehicles;
import cn.lantian.mobile.web.Page;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
import cn.lantian.web.Conflict;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
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
import reactor.core.publisher.Mono;

/** M stations and the repairs they record. */
@RestController
@RequestMapping("/api/mobile/v1")
class RepairController {

    private static final int MAX_LIMIT = 500;
    /** Clocks of shop systems run a little fast; a repair further ahead than this is refused. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    /** No M station recorded repairs before this; older times are typing errors. */
    private static final java.time.Instant EARLIEST = java.time.Instant.parse("2000-01-01T00:00:00Z");

    private final Repairs repairs;
    private final Vehicles vehicles;
    private final Jurisdiction access;
    private final Clock clock;

    RepairController(Repairs repairs, Vehicles vehicles, Jurisdiction access, Clock clock) {
        this.repairs = repairs;
        this.vehicles = vehicles;
        this.access = access;
        this.clock = clock;
    }

    @PutMapping("/repair-stations/{id}")
    Mono<RepairStation> register(@PathVariable String id, @Valid @RequestBody RepairStationInput in) {
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            return Mono.error(InvalidInput.of("id", "must be lower-case letters, digits and hyphens, at most 64"));
        }
        return Callers.current().flatMap(c -> {
            Placement placement = access.require("unit", in.unit());
            access.checkWrite(c, placement);
            return repairs.station(id)
                    .filter(existing -> !access.mayWrite(c, existing.placement()))
                    .flatMap(foreign -> Mono.<RepairStation>error(new NotFound("No M station " + id + ".")))
                    .switchIfEmpty(Mono.defer(() -> repairs.save(new RepairStation(
                            id,
                            in.name().trim(),
                            in.licence().trim(),
                            in.unit(),
                            clock.instant(),
                            c.username(),
                            placement))));
        });
    }

    @GetMapping("/repair-stations")
    Mono<Page<RepairStation>> stations(
            @RequestParam(required = false) String after, @RequestParam(defaultValue = "50") int limit) {
        return checked(limit)
                .then(Callers.current())
                .flatMap(c -> repairs.stations(access.visibleUnits(c), after, limit + 1)
                        .collectList()
                        .map(list -> Page.of(list, limit, RepairStation::id)));
    }

    @PostMapping("/repairs")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Repair> record(@Valid @RequestBody RepairInput in) {
        if (in.id() != null && !in.id().matches("[A-Za-z0-9][A-Za-z0-9-]{0,63}")) {
            return Mono.error(InvalidInput.of("id", "must be letters, digits and hyphens, at most 64"));
        }
        if (in.repairedAt().toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            return Mono.error(InvalidInput.of("repairedAt", "lies in the future"));
        }
        if (in.repairedAt().toInstant().isBefore(EARLIEST)) {
            return Mono.error(InvalidInput.of("repairedAt", "lies before " + EARLIEST));
        }
        return Callers.current()
                .flatMap(c -> station(c, in.stationId()).flatMap(station -> {
                    access.checkWrite(c, station.placement());
                    String id = in.id() != null
                            ? in.id()
                            : "rpr-" + UUID.randomUUID().toString().substring(0, 12);
                    String plate = in.plate().trim();
                    return vehicles.byPlate(plate)
                            .map(Vehicle::id)
                            .map(java.util.Optional::of)
                            .defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(vehicle -> {
                                Repair repair = new Repair(
                                        id,
                                        station.id(),
                                        plate,
                                        vehicle.orElse(null),
                                        in.repairedAt().toInstant(),
                                        in.work().trim(),
                                        station.unit());
                                return repairs.record(repair, station.placement(), c.username(), clock.instant())
                                        .flatMap(added -> added
                                                ? Mono.just(repair)
                                                : Mono.error(new Conflict("repair " + id + " is recorded")));
                            });
                }));
    }

    @GetMapping("/repairs")
    Mono<Page<Repair>> list(
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) String station,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        return checked(limit)
                .then(Callers.current())
                .flatMap(c -> repairs.page(access.visibleUnits(c), plate, station, after, limit + 1)
                        .collectList()
                        .map(list -> Page.of(list, limit, Repair::id)));
    }

    private Mono<RepairStation> station(Caller c, String id) {
        return repairs.station(id)
                .filter(s -> access.mayRead(c, s.placement()))
                .switchIfEmpty(Mono.error(InvalidInput.of("stationId", "names no M station you can see")));
    }

    private static Mono<Void> checked(int limit) {
        return limit < 1 || limit > MAX_LIMIT
                ? Mono.error(InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT))
                : Mono.empty();
    }
}
