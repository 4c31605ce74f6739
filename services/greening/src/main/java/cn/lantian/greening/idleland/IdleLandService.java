package cn.lantian.greening.idleland;

import cn.lantian.greening.access.Access;
import cn.lantian.greening.events.Events;
import cn.lantian.greening.web.Checks;
import cn.lantian.greening.web.Page;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import cn.lantian.web.Conflict;
import cn.lantian.web.NotFound;
import cn.lantian.web.TextLength;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Takes the dust service's idle-land tasks through received, planned and done; completing one publishes
 * {@code idle-land-task-completed.v1} (the dust service closes its task on it) and, for a greened parcel,
 * {@code area-greened.v1}.
 */
@Service
public class IdleLandService {

    static final List<String> OUTCOMES = List.of("greened", "paved", "covered");
    static final List<String> STATES = List.of("received", "planned", "done");
    static final ZoneId KASHGAR = ZoneId.of("Asia/Shanghai");
    private static final double M2_PER_HECTARE = 10_000;

    private final IdleLandTasks tasks;
    private final Access access;
    private final Events events;
    private final Jurisdictions jurisdictions;
    private final TransactionalOperator tx;
    private final Clock clock;

    IdleLandService(
            IdleLandTasks tasks,
            Access access,
            Events events,
            Jurisdictions jurisdictions,
            TransactionalOperator tx,
            Clock clock) {
        this.tasks = tasks;
        this.access = access;
        this.events = events;
        this.jurisdictions = jurisdictions;
        this.tx = tx;
        this.clock = clock;
    }

    /** A plan: what the parcel will become and when. */
    record PlanInput(@Size(max = TextLength.CODE) String outcome, LocalDate plannedOn) {}

    /** The work done: the outcome, the area it covers and the day. */
    public record CompletionInput(
            @Size(max = TextLength.CODE) String outcome, Double areaM2, LocalDate completedOn) {}

    /**
     * Stores a task received from the dust service, in the caller's transaction; a task id seen before changes nothing.
     *
     * @throws IllegalArgumentException naming what is wrong when the task cannot be taken (so it is dead-lettered)
     */
    Mono<Boolean> receive(IdleLandTask task, boolean demo) {
        List<String> problems = new ArrayList<>();
        if (jurisdictions.byId(task.jurisdiction()).isEmpty()) {
            problems.add("jurisdiction " + task.jurisdiction() + " is not a unit of the reference data");
        }
        if (task.corpsUnit() != null
                && jurisdictions.byId(task.corpsUnit()).map(j -> !j.isCorps()).orElse(true)) {
            problems.add("corpsunit " + task.corpsUnit() + " is not a Corps unit of the reference data");
        }
        if (task.dueBy().isBefore(task.idleSince())) {
            problems.add("dueBy " + task.dueBy() + " lies before idleSince " + task.idleSince());
        }
        if (!problems.isEmpty()) {
            return Mono.error(new IllegalArgumentException(
                    "idle-land task " + task.taskId() + ": " + String.join("; ", problems)));
        }
        return tasks.receive(task, demo);
    }

    /** Stores a demonstration task as if received from the dust service. */
    public Mono<Void> seed(IdleLandTask task) {
        return receive(task, true).then();
    }

    /** Plans a demonstration task. */
    public Mono<Void> seedPlan(String taskId, String outcome, LocalDate on) {
        return tasks.plan(taskId, outcome, on);
    }

    /**
     * Completes a demonstration task without publishing: the dust service never opened it, so no answer is sent.
     */
    public Mono<Void> seedDone(IdleLandTask task, CompletionInput in) {
        return complete(task, in, true).then();
    }

    /** Plans the task. */
    public Mono<IdleLandTask> plan(Caller caller, String id, PlanInput in) {
        return writable(caller, id).flatMap(task -> {
            Checks checks = new Checks();
            checks.oneOf("outcome", in.outcome(), OUTCOMES);
            checks.required("plannedOn", in.plannedOn());
            checks.done();
            if ("done".equals(task.status())) {
                throw new Conflict("Task " + id + " is already done.");
            }
            return tasks.plan(id, in.outcome(), in.plannedOn()).then(tasks.find(id));
        });
    }

    /** Completes the task and answers the dust service; a greened parcel also counts as a greened area. */
    public Mono<IdleLandTask> complete(Caller caller, String id, CompletionInput in) {
        return writable(caller, id).flatMap(task -> complete(task, in, false));
    }

    Mono<IdleLandTask> complete(IdleLandTask task, CompletionInput in, boolean quietly) {
        Checks checks = new Checks();
        checks.oneOf("outcome", in.outcome(), OUTCOMES);
        // The work cannot cover more than the parcel the dust service reported.
        checks.between("areaM2", in.areaM2(), 0, task.areaM2());
        if (in.areaM2() != null && in.areaM2() == 0) {
            checks.fail("areaM2", "must be more than 0");
        }
        LocalDate today = LocalDate.now(clock.withZone(KASHGAR));
        if (checks.required("completedOn", in.completedOn())) {
            if (in.completedOn().isAfter(today)) {
                checks.fail("completedOn", "must not be in the future");
            } else if (in.completedOn().isBefore(task.idleSince())) {
                checks.fail("completedOn", "must not lie before the parcel fell idle (" + task.idleSince() + ")");
            }
        }
        checks.done();
        if ("done".equals(task.status())) {
            return Mono.error(new Conflict("Task " + task.taskId() + " is already done."));
        }
        String greenedAreaId = "greened".equals(in.outcome()) ? "idle-" + task.taskId() : null;
        List<Events.Raised> raised = new ArrayList<>();
        raised.add(new Events.Raised(
                "lantian.greening.idle-land-task-completed.v1",
                "idle-land-task/" + task.taskId(),
                task.placement(),
                List.of(),
                null,
                null,
                new Completed(
                        task.taskId(),
                        task.parcelId(),
                        in.outcome(),
                        in.areaM2(),
                        in.completedOn().toString(),
                        greenedAreaId)));
        if (greenedAreaId != null) {
            raised.add(new Events.Raised(
                    "lantian.greening.area-greened.v1",
                    "idle-land-task/" + task.taskId(),
                    task.placement(),
                    List.of(),
                    null,
                    null,
                    new Greened(
                            greenedAreaId,
                            Math.round(in.areaM2() / M2_PER_HECTARE * 10_000) / 10_000.0,
                            "greening",
                            in.completedOn().toString(),
                            task.lon() == null ? null : new Events.Location(task.lon(), task.lat()))));
        }
        Mono<Void> write = tasks.done(task.taskId(), in.outcome(), in.areaM2(), in.completedOn(), greenedAreaId)
                .flatMap(changed -> changed
                        ? (quietly ? Mono.<Void>empty() : events.raiseAll(raised))
                        : Mono.error(new Conflict("Task " + task.taskId() + " is already done.")));
        return tx.transactional(write).then(tasks.find(task.taskId()));
    }

    /** The task if the caller may read it. */
    public Mono<IdleLandTask> get(Caller caller, String id) {
        return tasks.find(id)
                .filter(t -> access.mayRead(caller, t.placement()))
                .switchIfEmpty(Mono.error(() -> new NotFound("Idle-land task " + id + " was not found.")));
    }

    /** A page of the tasks the caller sees. */
    public Mono<Page<IdleLandTask>> list(
            Caller caller, String status, String jurisdiction, String after, Integer limit) {
        return Mono.defer(() -> {
            Checks checks = new Checks();
            if (status != null) {
                checks.oneOf("status", status, STATES);
            }
            checks.optionalText("jurisdiction", jurisdiction, 32).optionalText("after", after, 64);
            checks.done();
            int size = Page.limit(limit);
            return tasks.list(access.visibleUnits(caller), status, jurisdiction, after, size)
                    .collectList()
                    .map(rows -> Page.of(rows, size, IdleLandTask::taskId));
        });
    }

    private Mono<IdleLandTask> writable(Caller caller, String id) {
        return tasks.find(id)
                .filter(t -> access.mayWrite(caller, t.placement()))
                .switchIfEmpty(Mono.error(() -> new NotFound("Idle-land task " + id + " was not found.")));
    }

    /** Data of {@code idle-land-task-completed.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Completed(
            String taskId, String parcelId, String outcome, double areaM2, String completedOn, String greenedAreaId) {}

    /** Data of {@code area-greened.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Greened(String areaId, double hectares, String kind, String date, Events.Location location) {}
}
