package cn.lantian.stationary.emergency;

import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
import cn.lantian.stationary.access.PermitAccess;
import cn.lantian.stationary.registry.Enterprise;
import cn.lantian.stationary.registry.Registry;
import cn.lantian.web.Conflict;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The emergency reduction list, the verification tasks alerts create, and 15-minute electricity ingest. */
@RestController
@RequestMapping("/api/stationary/v1/emergency")
class EmergencyController {

    private static final Set<String> LEVELS = Set.of("yellow", "orange", "red");

    private final Measures measures;
    private final Registry registry;
    private final PermitAccess access;
    private final VerificationTasks tasks;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final ElectricityIntake electricity;

    EmergencyController(
            Measures measures,
            Registry registry,
            PermitAccess access,
            VerificationTasks tasks,
            TransactionalOperator tx,
            Clock clock,
            ElectricityIntake electricity) {
        this.measures = measures;
        this.registry = registry;
        this.access = access;
        this.tasks = tasks;
        this.tx = tx;
        this.clock = clock;
        this.electricity = electricity;
    }

    @PostMapping("/measures")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Measure> save(@Valid @RequestBody Measure in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.enterpriseId() == null || in.enterpriseId().isBlank()) {
            errors.add(new FieldError("enterpriseId", "is required"));
        }
        if (!LEVELS.contains(in.level())) {
            errors.add(new FieldError("level", "must be yellow, orange or red"));
        }
        if (in.measure() == null || in.measure().isBlank()) {
            errors.add(new FieldError("measure", "is required"));
        }
        if (in.pmKgD() < 0 || in.so2KgD() < 0 || in.noxKgD() < 0 || in.vocsKgD() < 0) {
            errors.add(new FieldError("pmKgD", "daily reductions must be >= 0 kg"));
        }
        if (in.allowedKw() != null && in.lineId() == null) {
            errors.add(new FieldError("lineId", "is required with allowedKw"));
        }
        if (in.allowedFlowM3h() != null && in.outletId() == null) {
            errors.add(new FieldError("outletId", "is required with allowedFlowM3h"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInput(errors));
        }
        boolean change = in.id() != null && !in.id().isBlank();
        String id = change ? in.id() : "m-" + UUID.randomUUID().toString().substring(0, 8);
        Measure m = new Measure(
                id,
                in.enterpriseId(),
                in.lineId(),
                in.stepId(),
                in.facilityId(),
                in.outletId(),
                in.level(),
                in.measure(),
                in.pmKgD(),
                in.so2KgD(),
                in.noxKgD(),
                in.vocsKgD(),
                in.allowedKw(),
                in.allowedFlowM3h());
        return Callers.current()
                .flatMap(c -> owned(c, in.enterpriseId(), true)
                        .flatMap(e -> change ? changeable(c, m) : Mono.just(m))
                        .flatMap(ok -> tx.transactional(measures.save(m, clock.instant(), c.username()))));
    }

    /**
     * A measure named by id must exist for an enterprise the caller sees, and keeps its enterprise: an id the service
     * assigned in another jurisdiction answers exactly as an id that was never assigned.
     */
    private Mono<Measure> changeable(Caller c, Measure m) {
        NotFound missing = new NotFound("No measure " + m.id() + ".");
        return measures.find(m.id())
                .switchIfEmpty(Mono.error(missing))
                .flatMap(old -> registry.enterprise(old.enterpriseId())
                        .filter(e -> access.mayRead(c, e.placement()))
                        .switchIfEmpty(Mono.error(missing))
                        .flatMap(e -> old.enterpriseId().equals(m.enterpriseId())
                                ? Mono.just(m)
                                : Mono.error(new Conflict("measure " + m.id() + " belongs to enterprise "
                                        + old.enterpriseId() + "; a measure keeps its enterprise"))));
    }

    @GetMapping("/enterprises/{enterpriseId}/measures")
    Flux<Measure> list(@PathVariable String enterpriseId) {
        return Callers.current()
                .flatMap(c -> owned(c, enterpriseId, false))
                .flatMapMany(e -> measures.ofEnterprise(e.id()));
    }

    @GetMapping("/tasks")
    Flux<VerificationTasks.Task> tasks(
            @RequestParam(required = false) String alertId, @RequestParam(defaultValue = "open") String status) {
        return Callers.current().flatMapMany(c -> tasks.list(alertId, status, access.visibleUnits(c)));
    }

    /** 15-minute electricity use of production lines; the caller must govern each line's place. */
    @PostMapping("/electricity")
    Mono<Integer> electricity(@Valid @RequestBody List<ElectricityIntake.ElectricityInput> values) {
        return Callers.current().flatMap(c -> electricity.take(c, values));
    }

    private Mono<Enterprise> owned(Caller c, String enterpriseId, boolean write) {
        return registry.enterprise(enterpriseId)
                .switchIfEmpty(Mono.error(new NotFound("No enterprise " + enterpriseId + ".")))
                .map(e -> {
                    if (write) {
                        access.checkWrite(c, e.placement());
                    } else if (!access.mayRead(c, e.placement())) {
                        throw new NotFound("No enterprise " + enterpriseId + ".");
                    }
                    return e;
                });
    }
}
