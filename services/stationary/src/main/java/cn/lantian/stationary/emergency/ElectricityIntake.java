package cn.lantian.stationary.emergency;

import cn.lantian.security.Caller;
import cn.lantian.stationary.access.PermitAccess;
import cn.lantian.stationary.registry.Registry;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes 15-minute electricity values of production lines, by upload or by message alike: all or nothing, every value
 * checked, each line must exist and lie where the writer governs.
 */
@Service
class ElectricityIntake {

    /** One electricity value as sent: mean kW over the quarter hour starting at {@code at}. */
    record ElectricityInput(@Size(max = TextLength.ID) String lineId, OffsetDateTime at, Double kw) {}

    private final Registry registry;
    private final PermitAccess access;
    private final EmergencyService service;
    private final TransactionalOperator tx;

    ElectricityIntake(Registry registry, PermitAccess access, EmergencyService service, TransactionalOperator tx) {
        this.registry = registry;
        this.access = access;
        this.service = service;
        this.tx = tx;
    }

    /** Stores the values and checks them against measures in force; fails with InvalidInput naming each bad field. */
    Mono<Integer> take(Caller caller, List<ElectricityInput> values) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ElectricityInput v = values.get(i);
            if (v.lineId() == null) {
                errors.add(new FieldError("[" + i + "].lineId", "is required"));
            } else if (v.lineId().length() > TextLength.ID) {
                errors.add(new FieldError("[" + i + "].lineId", "must be at most " + TextLength.ID + " characters"));
            }
            if (v.at() == null || v.at().getMinute() % 15 != 0 || v.at().getSecond() != 0 || v.at().getNano() != 0) {
                errors.add(new FieldError("[" + i + "].at", "must start a quarter hour"));
            }
            if (v.kw() == null || v.kw() < 0) {
                errors.add(new FieldError("[" + i + "].kw", "must be >= 0 kW"));
            }
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInput(errors));
        }
        List<String> lines =
                values.stream().map(ElectricityInput::lineId).distinct().toList();
        return Flux.fromIterable(lines)
                // A line the caller cannot see is named as one that does not exist.
                .concatMap(id -> registry.facility(id)
                        .filter(f -> f.kind().equals("line") && access.mayRead(caller, f.placement()))
                        .switchIfEmpty(Mono.error(InvalidInput.of("lineId", "no production line " + id)))
                        .doOnNext(f -> access.checkWrite(caller, f.placement())))
                .then(tx.transactional(service.electricity(values.stream()
                        .map(v -> new EmergencyService.Electricity(v.lineId(), v.at().toInstant(), v.kw()))
                        .toList())));
    }
}
