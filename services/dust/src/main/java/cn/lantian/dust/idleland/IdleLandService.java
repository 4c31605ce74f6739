package cn.lantian.dust.idleland;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.events.DustEvents;
import cn.lantian.dust.rules.DustRules;
import cn.lantian.dust.web.Checks;
import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.web.Conflict;
import cn.lantian.web.NotFound;
import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records parcels and opens a task for each parcel idle longer than {@link IdleRule} allows, publishing
 * {@code idle-land-task-opened} for the greening service; closes the task when greening reports it done.
 */
@Service
class IdleLandService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** A parcel as written. */
    record ParcelInput(
            @Size(max = TextLength.ID) String id,
            BigDecimal areaM2,
            @Size(max = TextLength.ID) String idleSince,
            @Size(max = TextLength.TEXT) String address,
            Double lon,
            Double lat) {}

    private final Parcels parcels;
    private final Access access;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final DustRules rules;
    private final IdleRule rule;
    private final Clock clock;

    IdleLandService(
            Parcels parcels, Access access, Outbox outbox, TransactionalOperator tx, DustRules rules, Clock clock) {
        this.parcels = parcels;
        this.access = access;
        this.outbox = outbox;
        this.tx = tx;
        this.rules = rules;
        this.rule = new IdleRule(rules);
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    Parcel check(ParcelInput in) {
        Checks c = new Checks();
        String id = c.text("id", in.id(), 64);
        if (id != null && !ID.matcher(id).matches()) {
            c.fail("id", "must be 1 to 64 letters, digits, dots, dashes or underscores");
        }
        BigDecimal area = c.required("areaM2", in.areaM2());
        if (area != null
                && (area.signum() <= 0 || area.compareTo(new BigDecimal("100000000")) > 0 || area.scale() > 1)) {
            c.fail("areaM2", "must be above 0 and at most 100,000,000 m², with at most one decimal");
        }
        LocalDate since = null;
        String text = c.text("idleSince", in.idleSince(), 10);
        if (text != null) {
            try {
                since = LocalDate.parse(text);
                if (since.isAfter(today())) {
                    c.fail("idleSince", "must not be in the future");
                }
            } catch (DateTimeParseException e) {
                c.fail("idleSince", "must be a date such as 2026-07-01");
            }
        }
        String address = c.optionalText("address", in.address(), 200);
        Double lon = c.number("lon", in.lon(), -180, 180);
        Double lat = c.number("lat", in.lat(), -90, 90);
        Placement placement = null;
        if (!c.failed()) {
            placement = access.jurisdictions().locate(lon, lat).orElse(null);
            if (placement == null) {
                c.fail("lon", "the point lies outside Kashgar Prefecture");
            }
        }
        c.done();
        return new Parcel(id, area, since, address, lon, lat, placement.jurisdiction(), placement.corpsUnit(), "idle");
    }

    /** Records a parcel the caller governs and opens its task at once if it is idle too long already. */
    Mono<Parcel> create(Caller caller, Parcel parcel) {
        access.checkWrite(caller, Access.DUST_AGENCIES, parcel.placement());
        return tx.transactional(parcels.insert(parcel)
                .flatMap(created -> created
                        ? judge(parcel).then(parcels.byId(parcel.id()))
                        : Mono.error(new Conflict("Parcel " + parcel.id() + " exists already."))));
    }

    /** Opens the parcel's task if it is idle too long; inside the caller's transaction. */
    Mono<Boolean> judge(Parcel parcel) {
        LocalDate today = today();
        if (!"idle".equals(parcel.status()) || !rule.overdue(parcel.idleSince(), today)) {
            return Mono.just(false);
        }
        IdleTask task = new IdleTask(
                "ilt-" + parcel.id() + "-" + parcel.idleSince().toString().replace("-", ""),
                parcel.id(),
                clock.instant(),
                rule.dueBy(today),
                "open",
                null,
                null);
        return parcels.open(task).flatMap(opened -> {
            if (!opened) {
                return Mono.just(false);
            }
            return parcels.status(parcel.id(), "tasked")
                    .then(outbox.append(opened(parcel, task)))
                    .thenReturn(true);
        });
    }

    /** Opens the tasks of every idle parcel now overdue; returns how many. */
    Mono<Integer> judgeAll() {
        LocalDate cutoff = today().minusMonths((long) rules.number(DustRules.IDLE_MAX_MONTHS));
        return parcels.idleSince(cutoff, 10_000)
                .concatMap(p -> tx.transactional(judge(p)))
                .filter(Boolean::booleanValue)
                .count()
                .map(Long::intValue);
    }

    /** Closes a task greening reports done; false when no such open task exists. */
    Mono<Boolean> complete(String taskId, String parcelId, String outcome, LocalDate completedOn) {
        return parcels.close(taskId, parcelId, outcome, completedOn, clock.instant())
                .flatMap(task -> parcels.status(parcelId, outcome).thenReturn(true))
                .defaultIfEmpty(false);
    }

    Mono<Parcel> visible(Caller caller, String id) {
        return parcels.byId(id)
                .filter(p -> access.mayRead(caller, p.placement()))
                .switchIfEmpty(Mono.error(new NotFound("No parcel " + id + ".")));
    }

    private OutgoingEvent opened(Parcel parcel, IdleTask task) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.id());
        data.put("parcelId", parcel.id());
        data.put("areaM2", parcel.areaM2());
        data.put("idleSince", parcel.idleSince().toString());
        data.put("dueBy", task.dueBy().toString());
        data.put("rule", DustRules.IDLE_MAX_MONTHS);
        if (parcel.address() != null) {
            data.put("address", parcel.address());
        }
        data.put("location", DustEvents.location(parcel.lon(), parcel.lat()));
        return OutgoingEvent.of(
                        DustEvents.IDLE_LAND_TASK_OPENED,
                        "idle-land-task/" + task.id(),
                        parcel.placement(),
                        DustEvents.HOUSING,
                        data)
                .at(task.openedAt());
    }
}
