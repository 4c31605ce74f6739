package cn.lantian.stationary.permit;

import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.security.Caller;
import cn.lantian.stationary.StationaryProperties;
import cn.lantian.stationary.access.PermitAccess;
import cn.lantian.stationary.events.Location;
import cn.lantian.stationary.registry.Enterprise;
import cn.lantian.stationary.registry.Registry;
import cn.lantian.web.Conflict;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/** Issues, changes, renews and revokes permits, and lets them expire; each step is an event. */
@Service
public class PermitService {

    /** Pollutants a permit limits at an outlet (the contract's stationary subset). */
    public static final Set<String> POLLUTANTS = Set.of("PM", "SO2", "NOx", "VOCs", "NMHC", "CO");

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Permits permits;
    private final Registry registry;
    private final PermitAccess access;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;
    private final StationaryProperties properties;

    public PermitService(
            Permits permits,
            Registry registry,
            PermitAccess access,
            Outbox outbox,
            Clock clock,
            ObjectMapper json,
            StationaryProperties properties) {
        this.permits = permits;
        this.registry = registry;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
        this.properties = properties;
    }

    /** Issues a new permit. */
    @Transactional
    public Mono<Permit> issue(Caller caller, PermitInput in) {
        return checked(caller, in)
                .flatMap(owner -> permits.find(in.number())
                        // A number taken in another jurisdiction answers as a read of it does, revealing nothing.
                        .flatMap(p -> owner(p).map(o -> access.mayRead(caller, o.placement()))
                                .flatMap(seen -> Mono.<Permit>error(
                                        seen
                                                ? new Conflict("permit " + in.number() + " exists")
                                                : new NotFound("No permit " + in.number() + "."))))
                        .switchIfEmpty(Mono.defer(() -> store(caller, in, 1, "valid")))
                        .flatMap(p ->
                                raise("permit-issued", p, owner, null, null).thenReturn(p)));
    }

    /** Changes holder, validity or limits of a valid permit. */
    @Transactional
    public Mono<Permit> change(Caller caller, String number, PermitInput in) {
        PermitInput same = new PermitInput(number, in.enterpriseId(), in.validFrom(), in.validUntil(), in.limits());
        return existing(caller, number)
                .flatMap(old -> checked(caller, same)
                        .flatMap(owner -> store(caller, same, old.version() + 1, old.status())
                                .flatMap(p -> raise("permit-changed", p, owner, null, null)
                                        .thenReturn(p))));
    }

    /** Renews a permit with a new end of validity. */
    @Transactional
    public Mono<Permit> renew(Caller caller, String number, LocalDate validUntil) {
        return existing(caller, number).flatMap(old -> {
            if (validUntil == null || !validUntil.isAfter(old.validUntil())) {
                return Mono.error(InvalidInput.of("validUntil", "must be after the current end " + old.validUntil()));
            }
            if ("revoked".equals(old.status())) {
                return Mono.error(new Conflict("a revoked permit cannot be renewed"));
            }
            Permit renewed = new Permit(
                    number,
                    old.enterpriseId(),
                    old.validFrom(),
                    validUntil,
                    "valid",
                    old.limits(),
                    old.version() + 1,
                    clock.instant(),
                    caller.username());
            return saveWithHistory(renewed)
                    .flatMap(p -> owner(p).flatMap(o -> raise("permit-renewed", p, o, null, null)))
                    .thenReturn(renewed);
        });
    }

    /** Revokes a permit for the given reason. */
    @Transactional
    public Mono<Permit> revoke(Caller caller, String number, String reason) {
        if (reason == null || reason.isBlank()) {
            return Mono.error(InvalidInput.of("reason", "is required"));
        }
        return existing(caller, number).flatMap(old -> {
            if (!"valid".equals(old.status())) {
                return Mono.error(new Conflict("permit " + number + " is " + old.status()));
            }
            Permit revoked = new Permit(
                    number,
                    old.enterpriseId(),
                    old.validFrom(),
                    old.validUntil(),
                    "revoked",
                    old.limits(),
                    old.version() + 1,
                    clock.instant(),
                    caller.username());
            return saveWithHistory(revoked)
                    .flatMap(p -> owner(p).flatMap(o -> raise("permit-revoked", p, o, reason, null)))
                    .thenReturn(revoked);
        });
    }

    /** Expires permits past their end and warns about those ending within the warning period; one permit per step. */
    public Flux<String> expireAndWarn(java.util.function.Function<Mono<Void>, Mono<Void>> inTransaction) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        return permits.validEndingBy(today.plusDays(properties.expiryWarningDays()))
                .concatMap(p -> {
                    if (p.validUntil().isBefore(today)) {
                        Permit expired = new Permit(
                                p.number(),
                                p.enterpriseId(),
                                p.validFrom(),
                                p.validUntil(),
                                "expired",
                                p.limits(),
                                p.version() + 1,
                                clock.instant(),
                                "system");
                        return inTransaction
                                .apply(saveWithHistory(expired)
                                        .flatMap(e -> owner(e).flatMap(o -> raise("permit-expired", e, o, null, null))))
                                .thenReturn("expired " + p.number());
                    }
                    int daysLeft = (int) ChronoUnit.DAYS.between(today, p.validUntil());
                    return permits.warned(p.number(), p.validUntil())
                            .flatMap(warned -> warned
                                    ? Mono.just("warned " + p.number())
                                    : inTransaction
                                            .apply(permits.markWarned(p.number(), p.validUntil())
                                                    .then(owner(p).flatMap(o ->
                                                            raise("permit-expiry-warning", p, o, null, daysLeft))))
                                            .thenReturn("warning " + p.number()));
                });
    }

    private Mono<Permit> existing(Caller caller, String number) {
        return permits.find(number)
                .switchIfEmpty(Mono.error(new NotFound("No permit " + number + ".")))
                .flatMap(p -> owner(p).doOnNext(o -> access.checkChange(caller, o.placement(), "permit " + number))
                        .thenReturn(p));
    }

    private Mono<Enterprise> owner(Permit p) {
        return registry.enterprise(p.enterpriseId());
    }

    private Mono<Enterprise> checked(Caller caller, PermitInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.number() == null || !in.number().matches("[0-9A-Z]{10,30}")) {
            errors.add(new FieldError("number", "must be 10-30 digits or capital letters"));
        }
        if (in.enterpriseId() == null || in.enterpriseId().isBlank()) {
            errors.add(new FieldError("enterpriseId", "is required"));
        }
        if (in.validFrom() == null) {
            errors.add(new FieldError("validFrom", "is required"));
        }
        if (in.validUntil() == null
                || (in.validFrom() != null && !in.validUntil().isAfter(in.validFrom()))) {
            errors.add(new FieldError("validUntil", "is required and after validFrom"));
        }
        List<PermitLimit> limits = in.limits() == null ? List.of() : in.limits();
        for (int i = 0; i < limits.size(); i++) {
            PermitLimit l = limits.get(i);
            String at = "limits[" + i + "].";
            if (l.outletId() == null || l.outletId().isBlank()) {
                errors.add(new FieldError(at + "outletId", "is required"));
            }
            if (!POLLUTANTS.contains(l.pollutant())) {
                errors.add(new FieldError(at + "pollutant", "must be one of " + POLLUTANTS));
            }
            if (l.limitMgM3() == null || l.limitMgM3() <= 0) {
                errors.add(new FieldError(at + "limitMgM3", "must be a concentration > 0 mg/m3"));
            }
            if (l.yearlyT() != null && l.yearlyT() < 0) {
                errors.add(new FieldError(at + "yearlyT", "must be >= 0 t"));
            }
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInput(errors));
        }
        Mono<Enterprise> owner = registry.enterprise(in.enterpriseId())
                .switchIfEmpty(Mono.error(InvalidInput.of("enterpriseId", "no such enterprise")))
                .doOnNext(o -> access.checkWrite(caller, o.placement()));
        return owner.flatMap(o -> Flux.range(0, limits.size())
                .concatMap(i -> registry.facility(limits.get(i).outletId())
                        .filter(f ->
                                f.kind().equals("outlet") && f.enterpriseId().equals(o.id()))
                        .switchIfEmpty(Mono.error(
                                InvalidInput.of("limits[" + i + "].outletId", "no outlet of enterprise " + o.id()))))
                .then(Mono.just(o)));
    }

    private Mono<Permit> store(Caller caller, PermitInput in, int version, String status) {
        Permit p = new Permit(
                in.number(),
                in.enterpriseId(),
                in.validFrom(),
                in.validUntil(),
                status,
                in.limits() == null ? List.of() : in.limits(),
                version,
                clock.instant(),
                caller.username());
        return saveWithHistory(p);
    }

    private Mono<Permit> saveWithHistory(Permit p) {
        return permits.save(p)
                .flatMap(saved -> registry.history(
                                "permit", p.number(), p.version(), json.valueToTree(p), p.updatedAt(), p.updatedBy())
                        .thenReturn(saved));
    }

    private Mono<Void> raise(String name, Permit p, Enterprise owner, String reason, Integer daysLeft) {
        String severity = switch (name) {
            case "permit-revoked", "permit-expired" -> "major";
            case "permit-expiry-warning" -> "minor";
            default -> "info";
        };
        return outbox.append(OutgoingEvent.of(
                                "lantian.stationary." + name + ".v1",
                                "permit/" + p.number(),
                                owner.placement(),
                                PermitAccess.AGENCY,
                                new PermitEvent(
                                        p.number(),
                                        p.enterpriseId(),
                                        owner.name(),
                                        p.validFrom().toString(),
                                        p.validUntil().toString(),
                                        new Location(owner.lon(), owner.lat()),
                                        reason,
                                        daysLeft))
                        .withSeverity(severity))
                .then();
    }
}
