package cn.lantian.stationary.registry;

import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.stationary.access.PermitAccess;
import cn.lantian.stationary.events.Location;
import cn.lantian.web.Conflict;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Creates and changes registry records: checks fields, places them, applies the access policy, runs the rules. */
@Service
public class RegistryService {

    private static final Set<String> GRADES = Set.of("A", "B", "C", "D");
    private static final Set<String> ULTRA_LOW = Set.of("not-started", "started", "completed", "not-applicable");

    private final Registry registry;
    private final Jurisdictions jurisdictions;
    private final PermitAccess access;
    private final RecordChecks rules;
    private final Clock clock;
    private final Outbox outbox;
    private final Validator validator;

    public RegistryService(
            Registry registry,
            Jurisdictions jurisdictions,
            PermitAccess access,
            RecordChecks rules,
            Clock clock,
            Outbox outbox,
            Validator validator) {
        this.registry = registry;
        this.jurisdictions = jurisdictions;
        this.access = access;
        this.rules = rules;
        this.clock = clock;
        this.outbox = outbox;
        this.validator = validator;
    }

    /** Creates an enterprise, or with {@code existingId} replaces it as a new version. */
    @Transactional
    public Mono<Enterprise> saveEnterprise(Caller caller, EnterpriseInput in, String existingId) {
        // The constraints of the record again: a CSV import builds it without the controller's @Valid.
        List<FieldError> errors = new ArrayList<>(InvalidInput.errorsOf(validator.validate(in)));
        if (in.creditCode() == null || !CreditCode.isValid(in.creditCode())) {
            errors.add(new FieldError(
                    "creditCode",
                    "must be an 18-character unified social credit code with a valid " + "check character (GB 32100)"));
        }
        if (blank(in.name())) {
            errors.add(new FieldError("name", "is required"));
        }
        if (in.grade() != null && !GRADES.contains(in.grade())) {
            errors.add(new FieldError("grade", "must be one of A, B, C, D"));
        }
        if (in.ultraLow() != null && !ULTRA_LOW.contains(in.ultraLow())) {
            errors.add(new FieldError("ultraLow", "must be one of " + ULTRA_LOW));
        }
        Optional<Placement> placement = place(in.lon(), in.lat(), errors);
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInput(errors));
        }
        access.checkWrite(caller, placement.orElseThrow());
        String id = existingId != null ? existingId : blank(in.id()) ? "ent-" + shortId() : in.id();
        Mono<Integer> version = existingId == null
                ? registry.enterprise(id)
                        .flatMap(e -> Mono.<Integer>error(taken(caller, e.placement(), "enterprise " + id)))
                        .switchIfEmpty(Mono.just(1))
                : registry.enterprise(id)
                        .switchIfEmpty(Mono.error(new NotFound("No enterprise " + id + ".")))
                        .doOnNext(old -> access.checkChange(caller, old.placement(), "enterprise " + id))
                        .map(old -> old.version() + 1);
        return version.flatMap(v -> registry.save(new Enterprise(
                        id,
                        in.creditCode(),
                        in.name().trim(),
                        in.industry(),
                        in.grade(),
                        in.ultraLow() == null ? "not-started" : in.ultraLow(),
                        placement.get(),
                        in.lon(),
                        in.lat(),
                        v,
                        clock.instant(),
                        caller.username())))
                .flatMap(e -> rules.evaluate(e).thenReturn(e));
    }

    /** Creates a facility, or with {@code existingId} replaces it as a new version. */
    @Transactional
    public Mono<Facility> saveFacility(Caller caller, FacilityInput in, String existingId) {
        List<FieldError> errors = new ArrayList<>(InvalidInput.errorsOf(validator.validate(in)));
        Optional<FacilityKind> kind = FacilityKind.of(in.kind());
        if (kind.isEmpty()) {
            errors.add(new FieldError(
                    "kind",
                    "must be one of plant, outlet, line, step, boiler, petrol-station, " + "oil-depot, coal-dealer"));
        } else {
            errors.addAll(kind.get().check(in.attributes()));
        }
        if (blank(in.enterpriseId())) {
            errors.add(new FieldError("enterpriseId", "is required"));
        }
        if (blank(in.name())) {
            errors.add(new FieldError("name", "is required"));
        }
        if (in.status() != null && !FacilityKind.STATUSES.contains(in.status())) {
            errors.add(new FieldError("status", "must be one of " + FacilityKind.STATUSES));
        }
        Optional<Placement> placement = place(in.lon(), in.lat(), errors);
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInput(errors));
        }
        access.checkWrite(caller, placement.orElseThrow());
        String id =
                existingId != null ? existingId : blank(in.id()) ? kind.get().id() + "-" + shortId() : in.id();
        Mono<Optional<Facility>> previous = registry.facility(id)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(old -> {
                    if (existingId == null && old.isPresent()) {
                        return Mono.error(taken(caller, old.get().placement(), "facility " + id));
                    }
                    if (existingId != null && old.isEmpty()) {
                        return Mono.error(new NotFound("No facility " + id + "."));
                    }
                    old.ifPresent(o -> access.checkChange(caller, o.placement(), "facility " + id));
                    return Mono.just(old);
                });
        // The enterprise and the parent must be the caller's to write too: a facility placed in the caller's county
        // must not hang under another county's records.
        Mono<Enterprise> owner = registry.enterprise(in.enterpriseId())
                .switchIfEmpty(Mono.error(InvalidInput.of("enterpriseId", "no such enterprise")))
                .doOnNext(e -> access.checkWrite(caller, e.placement()));
        Mono<Boolean> parent = blank(in.parentId())
                ? Mono.just(true)
                : registry.facility(in.parentId())
                        .switchIfEmpty(Mono.error(InvalidInput.of("parentId", "no such facility")))
                        .map(p -> {
                            access.checkWrite(caller, p.placement());
                            if (!p.enterpriseId().equals(in.enterpriseId())) {
                                throw InvalidInput.of("parentId", "belongs to another enterprise");
                            }
                            return true;
                        });
        return owner.then(parent)
                .then(previous)
                .flatMap(old -> registry.save(new Facility(
                                id,
                                kind.get().id(),
                                in.enterpriseId(),
                                blank(in.parentId()) ? null : in.parentId(),
                                in.name().trim(),
                                in.status() == null ? "operating" : in.status(),
                                placement.get(),
                                in.lon(),
                                in.lat(),
                                in.attributes(),
                                old.map(o -> o.version() + 1).orElse(1),
                                clock.instant(),
                                caller.username()))
                        .flatMap(f -> rules.evaluate(f).then(phasedOut(old, f)).thenReturn(f)));
    }

    /** A boiler whose status becomes phased-out raises boiler-phased-out. */
    private Mono<Void> phasedOut(Optional<Facility> old, Facility f) {
        boolean now = f.kind().equals("boiler") && "phased-out".equals(f.status());
        boolean before = old.map(o -> "phased-out".equals(o.status())).orElse(false);
        if (!now || before) {
            return Mono.empty();
        }
        return outbox.append(OutgoingEvent.of(
                                "lantian.stationary.boiler-phased-out.v1",
                                "boiler/" + f.id(),
                                f.placement(),
                                PermitAccess.AGENCY,
                                new BoilerPhasedOut(
                                        f.id(),
                                        f.enterpriseId(),
                                        f.text("fuel"),
                                        f.number("capacityTph"),
                                        LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")))
                                                .toString(),
                                        new Location(f.lon(), f.lat())))
                        .withSeverity("info"))
                .then();
    }

    /** Data of {@code boiler-phased-out.v1}. */
    record BoilerPhasedOut(
            String boilerId, String enterpriseId, String fuel, double capacityTph, String date, Location location) {}

    /**
     * The error for a create whose id is taken: a clash the caller can see is a conflict; one they cannot see answers
     * exactly as a read of that id does, so a create never reveals another jurisdiction's record.
     */
    private RuntimeException taken(Caller caller, Placement placement, String what) {
        return access.mayRead(caller, placement) ? new Conflict(what + " exists") : new NotFound("No " + what + ".");
    }

    private Optional<Placement> place(Double lon, Double lat, List<FieldError> errors) {
        if (lon == null || lon < -180 || lon > 180) {
            errors.add(new FieldError("lon", "is required, degrees east"));
        }
        if (lat == null || lat < -90 || lat > 90) {
            errors.add(new FieldError("lat", "is required, degrees north"));
        }
        if (lon == null || lat == null) {
            return Optional.empty();
        }
        Optional<Placement> placement = jurisdictions.locate(lon, lat);
        if (placement.isEmpty()) {
            errors.add(new FieldError("lon", "the point lies outside Kashgar Prefecture"));
        }
        return placement;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
