package cn.lantian.mobile.scrapping;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.events.DomainEvents;
import cn.lantian.mobile.events.Raised;
import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.mobile.vehicle.Vehicles;
import cn.lantian.security.Caller;
import cn.lantian.web.Conflict;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Takes a vehicle off the register; one under a scrapping obligation raises truck-scrapped with the same commit. */
@Service
public class Deregistration {

    static final String SCRAPPED = "lantian.mobile.truck-scrapped.v1";

    private final Vehicles vehicles;
    private final Jurisdiction access;
    private final ScrappingRule rule;
    private final DomainEvents events;
    private final Clock clock;

    public Deregistration(
            Vehicles vehicles, Jurisdiction access, ScrappingRule rule, DomainEvents events, Clock clock) {
        this.vehicles = vehicles;
        this.access = access;
        this.rule = rule;
        this.events = events;
        this.clock = clock;
    }

    /** Deregisters the vehicle on that date; a vehicle the caller may not write answers as one that does not exist. */
    @Transactional
    public Mono<Vehicle> deregister(Caller caller, String id, LocalDate date) {
        if (date == null) {
            return Mono.error(InvalidInput.of("date", "is required"));
        }
        if (date.isAfter(LocalDate.now(clock))) {
            return Mono.error(InvalidInput.of("date", "must not lie in the future"));
        }
        return vehicles.byId(id)
                .filter(v -> access.mayWrite(caller, v.placement()))
                .switchIfEmpty(Mono.error(new NotFound("No vehicle " + id + ".")))
                .flatMap(v -> {
                    if (!v.registered()) {
                        return Mono.error(new Conflict("vehicle " + id + " was deregistered on " + v.deregisteredOn()));
                    }
                    if (date.isBefore(v.certifiedOn())) {
                        return Mono.error(InvalidInput.of("date", "must not lie before the vehicle's certification"));
                    }
                    Vehicle off = new Vehicle(
                            v.id(),
                            v.plate(),
                            v.vin(),
                            v.kind(),
                            v.fuel(),
                            v.emissionStage(),
                            v.certifiedOn(),
                            v.operatingFreight(),
                            v.owner(),
                            v.home(),
                            "deregistered",
                            date,
                            v.version() + 1,
                            clock.instant(),
                            caller.username(),
                            v.placement());
                    Mono<Void> event = rule.reasonFor(v)
                            .map(reason -> events.raise(new Raised(
                                    SCRAPPED,
                                    "vehicle/" + v.plate(),
                                    v.placement(),
                                    null,
                                    new TruckScrapped(
                                            v.plate(),
                                            "none".equals(v.emissionStage()) ? null : v.emissionStage(),
                                            date.toString(),
                                            v.kind(),
                                            v.fuel(),
                                            reason,
                                            ScrappingRule.SOURCE + "; China IV for all from " + rule.chinaIvForAll()
                                                    + " (" + rule.dateSource() + ")"))))
                            .orElse(Mono.empty());
                    return vehicles.save(off).flatMap(saved -> event.thenReturn(saved));
                });
    }
}
