package cn.lantian.mobile.vehicle;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.web.Conflict;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Registers vehicles and changes their registration: checks fields, places them, applies the access policy. */
@Service
public class VehicleService {

    /** ISO 3779: 17 characters, letters I, O and Q never used. */
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");

    private final Vehicles vehicles;
    private final Jurisdiction access;
    private final Validator validator;
    private final Clock clock;

    public VehicleService(Vehicles vehicles, Jurisdiction access, Validator validator, Clock clock) {
        this.vehicles = vehicles;
        this.access = access;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Registers a vehicle, or with {@code existingId} replaces its registration as a new version. A vehicle the caller
     * may not write answers as one that does not exist.
     */
    @Transactional
    public Mono<Vehicle> save(Caller caller, VehicleInput in, String existingId) {
        List<FieldError> errors = new ArrayList<>(InvalidInput.errorsOf(validator.validate(in)));
        required(errors, "plate", in.plate());
        required(errors, "owner", in.owner());
        if (in.vin() == null || !VIN.matcher(in.vin()).matches()) {
            errors.add(new FieldError("vin", "must be 17 characters of digits and capital letters other than I, O, Q"));
        }
        oneOf(errors, "kind", in.kind(), Vocabulary.KINDS);
        oneOf(errors, "fuel", in.fuel(), Vocabulary.FUELS);
        oneOf(errors, "emissionStage", in.emissionStage(), Vocabulary.STAGES);
        if ("none".equals(in.emissionStage()) != "electric".equals(in.fuel())) {
            errors.add(new FieldError("emissionStage", "is none for electric vehicles and only for them"));
        }
        if (in.certifiedOn() == null) {
            errors.add(new FieldError("certifiedOn", "is required"));
        } else if (in.certifiedOn().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("certifiedOn", "must not lie in the future"));
        }
        if (in.operatingFreight() == null) {
            errors.add(new FieldError("operatingFreight", "is required"));
        }
        Placement placement = access.placementOf(in.home()).orElse(null);
        if (placement == null) {
            errors.add(new FieldError("home", "must be a county code or Corps unit id of Kashgar Prefecture"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInput(errors));
        }
        Mono<Vehicle> previous = existingId == null
                ? Mono.empty()
                : vehicles.byId(existingId)
                        .filter(v -> access.mayWrite(caller, v.placement()))
                        .switchIfEmpty(Mono.error(new NotFound("No vehicle " + existingId + ".")));
        return previous.map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(prior -> {
                    access.checkWrite(caller, placement);
                    String id = existingId != null
                            ? existingId
                            : in.id() == null || in.id().isBlank()
                                    ? "veh-" + UUID.randomUUID().toString().substring(0, 12)
                                    : in.id();
                    Mono<Integer> version = prior.map(v -> Mono.just(v.version() + 1))
                            .orElseGet(() -> vehicles.byId(id)
                                    .flatMap(v -> Mono.<Integer>error(new Conflict("vehicle " + id + " exists")))
                                    .switchIfEmpty(Mono.just(1)));
                    return version.flatMap(n -> vehicles.byPlate(in.plate().trim())
                            .filter(other -> !other.id().equals(id))
                            .flatMap(other -> Mono.<Vehicle>error(
                                    new Conflict("plate " + in.plate().trim() + " is registered")))
                            .switchIfEmpty(Mono.defer(() -> vehicles.save(new Vehicle(
                                    id,
                                    in.plate().trim(),
                                    in.vin(),
                                    in.kind(),
                                    in.fuel(),
                                    in.emissionStage(),
                                    in.certifiedOn(),
                                    in.operatingFreight(),
                                    in.owner().trim(),
                                    in.home(),
                                    prior.map(Vehicle::status).orElse("registered"),
                                    prior.map(Vehicle::deregisteredOn).orElse(null),
                                    n,
                                    clock.instant(),
                                    caller.username(),
                                    placement)))));
                });
    }

    private static void required(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static void oneOf(List<FieldError> errors, String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed)));
        }
    }
}
