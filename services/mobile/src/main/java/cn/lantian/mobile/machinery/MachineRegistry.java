package cn.lantian.mobile.machinery;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Code registration of non-road machinery: checks the national registration's fields, refuses farm machinery (outside
 * the registration), assigns the code, and marks a registration later than the rule's days after acquisition.
 */
@Service
public class MachineRegistry {

    private final Machines machines;
    private final MachineryRules rules;
    private final Jurisdiction access;
    private final Validator validator;
    private final Clock clock;

    MachineRegistry(Machines machines, MachineryRules rules, Jurisdiction access, Validator validator, Clock clock) {
        this.machines = machines;
        this.rules = rules;
        this.access = access;
        this.validator = validator;
        this.clock = clock;
    }

    /** Registers the machine under a new code, or fails with every field error at once. */
    @Transactional
    public Mono<Machine> register(Caller caller, MachineInput in) {
        return register(caller, in, null);
    }

    /** As {@link #register(Caller, MachineInput)}, under a fixed id (demonstration data keeps its ids stable). */
    @Transactional
    public Mono<Machine> register(Caller caller, MachineInput in, String fixedId) {
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>(InvalidInput.errorsOf(validator.validate(in)));
        if (in.kind() != null && MachineryRules.FARM_KINDS.contains(in.kind())) {
            errors.add(new FieldError("kind", "farm machinery is excluded from code registration"));
        } else {
            oneOf(errors, "kind", in.kind(), MachineryRules.KINDS);
        }
        oneOf(errors, "fuel", in.fuel(), MachineryRules.FUELS);
        if (in.emissionStage() == null || !rules.knownStage(in.emissionStage())) {
            errors.add(
                    new FieldError("emissionStage", "must be one of " + String.join(", ", rules.stages()) + ", none"));
        } else if (MachineryRules.NONE.equals(in.emissionStage()) != "electric".equals(in.fuel())) {
            errors.add(new FieldError("emissionStage", "is none for electric machinery and only for it"));
        }
        required(errors, "maker", in.maker());
        required(errors, "owner", in.owner());
        required(errors, "contact", in.contact());
        if (in.productionDate() == null) {
            errors.add(new FieldError("productionDate", "is required"));
        } else if (in.productionDate().isAfter(today)) {
            errors.add(new FieldError("productionDate", "must not lie in the future"));
        }
        if (in.acquiredOn() != null) {
            if (in.acquiredOn().isAfter(today)) {
                errors.add(new FieldError("acquiredOn", "must not lie in the future"));
            } else if (in.productionDate() != null && in.acquiredOn().isBefore(in.productionDate())) {
                errors.add(new FieldError("acquiredOn", "must not lie before the production date"));
            }
        }
        List<String> after = in.afterTreatment() == null ? List.of() : in.afterTreatment();
        if (after.isEmpty()) {
            errors.add(new FieldError("afterTreatment", "is required: the devices fitted, or [\"none\"]"));
        } else if (!MachineryRules.AFTER_TREATMENTS.containsAll(after)) {
            errors.add(new FieldError(
                    "afterTreatment", "each must be one of " + String.join(", ", MachineryRules.AFTER_TREATMENTS)));
        } else if (after.contains("none") && after.size() > 1) {
            errors.add(new FieldError("afterTreatment", "none stands alone"));
        }
        if (in.photos() == null || blank(in.photos().machineNameplate())) {
            errors.add(new FieldError("photos.machineNameplate", "is required"));
        }
        if (in.photos() == null || blank(in.photos().engineNameplate())) {
            errors.add(new FieldError("photos.engineNameplate", "is required"));
        }
        Placement placement = access.placementOf(in.home()).orElse(null);
        if (placement == null) {
            errors.add(new FieldError("home", "must be a county code or Corps unit id of Kashgar Prefecture"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInput(errors));
        }
        access.checkWrite(caller, placement);
        boolean late = in.acquiredOn() != null
                && today.isAfter(
                        in.acquiredOn().plusDays((long) rules.registrationDays().value()));
        return machines.nextCode(in.home())
                .flatMap(code -> machines.insert(new Machine(
                        fixedId != null
                                ? fixedId
                                : "mach-" + UUID.randomUUID().toString().substring(0, 12),
                        code,
                        in.kind(),
                        in.maker().trim(),
                        blank(in.model()) ? null : in.model().trim(),
                        in.productionDate(),
                        in.emissionStage(),
                        in.fuel(),
                        List.copyOf(new LinkedHashSet<>(after)),
                        in.owner().trim(),
                        blank(in.operator()) ? null : in.operator().trim(),
                        in.contact().trim(),
                        in.home(),
                        new Photos(
                                in.photos().machineNameplate().trim(),
                                in.photos().engineNameplate().trim(),
                                blank(in.photos().environmentalLabel())
                                        ? null
                                        : in.photos().environmentalLabel().trim()),
                        in.acquiredOn(),
                        today,
                        late,
                        clock.instant(),
                        caller.username(),
                        placement)));
    }

    /** The stage a new machine had to meet when produced on that date (rules/non-road-stages.csv). */
    public String stageRequiredOn(LocalDate produced) {
        return rules.stageOn(produced);
    }

    private static void oneOf(List<FieldError> errors, String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed)));
        }
    }

    private static void required(List<FieldError> errors, String field, String value) {
        if (blank(value)) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
