package cn.lantian.mobile.repair;

import cn.lantian.mobile.events.DomainEvents;
import cn.lantian.mobile.events.Raised;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes repair obligations (opened when a vehicle was judged a failure) by a passing retest after an M-station
 * repair: the repair lies after the failure and no later than the retest. Each closure raises
 * {@code lantian.mobile.repair-obligation-closed.v1} in the caller's transaction. A passing test without such a
 * repair closes nothing.
 */
@Service
public class ObligationClosure {

    static final String CLOSED = "lantian.mobile.repair-obligation-closed.v1";
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private final DatabaseClient db;
    private final DomainEvents events;

    ObligationClosure(DatabaseClient db, DomainEvents events) {
        this.db = db;
        this.events = events;
    }

    /**
     * Closes what these retests close, given the vehicles' repairs.
     *
     * @return the obligations closed
     */
    public Mono<Integer> close(List<PassingRetest> retests, List<Repair> repairs) {
        if (retests.isEmpty()) {
            return Mono.just(0);
        }
        Map<String, List<Repair>> byPlate = repairs.stream().collect(Collectors.groupingBy(Repair::plate));
        List<String> vehicles =
                retests.stream().map(PassingRetest::vehicleId).distinct().toList();
        return db.sql("select id, vehicle_id, pollutant, failed_at from repair_obligation "
                        + "where vehicle_id = any(:v) and status = 'open' order by failed_at, id")
                .bind("v", vehicles.toArray(String[]::new))
                .map(r -> new Open(
                        r.get("id", String.class),
                        r.get("vehicle_id", String.class),
                        r.get("pollutant", String.class),
                        r.get("failed_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList()
                .flatMap(open -> Flux.fromIterable(open)
                        .concatMap(o -> closing(o, retests, byPlate)
                                .map(c -> closeOne(o, c.retest(), c.repair()).thenReturn(1))
                                .orElseGet(() -> Mono.just(0)))
                        .reduce(0, Integer::sum));
    }

    /** The earliest retest of the vehicle after its failure that follows a repair made since the failure. */
    private static Optional<Closing> closing(Open o, List<PassingRetest> retests, Map<String, List<Repair>> repairs) {
        return retests.stream()
                .filter(t -> t.vehicleId().equals(o.vehicleId()) && t.testedAt().isAfter(o.failedAt()))
                .sorted(Comparator.comparing(PassingRetest::testedAt))
                .flatMap(t -> repairs.getOrDefault(t.plate(), List.of()).stream()
                        .filter(r -> r.repairedAt().isAfter(o.failedAt())
                                && !r.repairedAt().isAfter(t.testedAt()))
                        .max(Comparator.comparing(Repair::repairedAt))
                        .map(r -> new Closing(t, r))
                        .stream())
                .findFirst();
    }

    private Mono<Void> closeOne(Open o, PassingRetest t, Repair r) {
        return db.sql("update repair_obligation set status = 'closed', closed_at = :at, closed_by_repair = :repair, "
                        + "closed_by_test = :test where id = :id and status = 'open'")
                .bind("at", OffsetDateTime.ofInstant(t.testedAt(), ZoneOffset.UTC))
                .bind("repair", r.id())
                .bind("test", t.testId())
                .bind("id", o.id())
                .fetch()
                .rowsUpdated()
                .flatMap(n -> n == 0
                        ? Mono.empty()
                        : events.raise(new Raised(
                                CLOSED,
                                "vehicle/" + t.plate(),
                                t.placement(),
                                "info",
                                new RepairObligationClosed(
                                        o.id(),
                                        t.plate(),
                                        o.pollutant(),
                                        time(o.failedAt()),
                                        r.id(),
                                        r.stationId(),
                                        time(r.repairedAt()),
                                        t.testId(),
                                        t.stationId(),
                                        time(t.testedAt())))));
    }

    private static String time(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(BEIJING));
    }

    private record Open(String id, String vehicleId, String pollutant, Instant failedAt) {}

    private record Closing(PassingRetest retest, Repair repair) {}
}
