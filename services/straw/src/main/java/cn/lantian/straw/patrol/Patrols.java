package cn.lantian.straw.patrol;

import cn.lantian.security.Caller;
import cn.lantian.straw.access.StrawAccess;
import cn.lantian.straw.events.BurningConfirmed;
import cn.lantian.straw.events.FirePointHandled;
import cn.lantian.straw.events.Location;
import cn.lantian.straw.events.StrawEvents;
import cn.lantian.straw.firepoint.Incident;
import cn.lantian.straw.firepoint.Incidents;
import cn.lantian.straw.rules.DutyRoster;
import cn.lantian.straw.web.Text;
import cn.lantian.web.Conflict;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Patrols: an incident is assigned to its township or regiment, and a patrol's verification closes it with a verdict
 * and the response time from first detection; {@code fire-point-handled} carries the outcome, and confirmed burning
 * also raises {@code burning-confirmed}, which opens an enforcement case.
 */
@Service
public class Patrols {

    static final List<String> VERDICTS = List.of("burning-confirmed", "false-alarm", "industrial-source");
    static final List<String> MATERIALS = List.of("straw", "leaves", "rubbish");
    private static final Map<String, String> OUTCOME = Map.of(
            "burning-confirmed", "确认焚烧 burning confirmed",
            "false-alarm", "误报 false alarm",
            "industrial-source", "工业热源 industrial heat source");
    private static final Map<String, String> MATERIAL =
            Map.of("straw", "秸秆 straw", "leaves", "树叶 leaves", "rubbish", "垃圾 rubbish");

    private final Incidents incidents;
    private final StrawEvents events;
    private final StrawAccess access;
    private final DutyRoster roster;
    private final TransactionalOperator tx;
    private final Clock clock;

    Patrols(
            Incidents incidents,
            StrawEvents events,
            StrawAccess access,
            DutyRoster roster,
            TransactionalOperator tx,
            Clock clock) {
        this.incidents = incidents;
        this.roster = roster;
        this.events = events;
        this.access = access;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<Incident> assign(Caller caller, String id, Assignment in) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null || in.assignedTo() == null || in.assignedTo().isBlank()) {
            errors.add(new FieldError("assignedTo", "required"));
        } else {
            Text.check("assignedTo", in.assignedTo(), 60, errors);
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInput(errors));
        }
        return tx.transactional(writable(caller, id).flatMap(incident -> {
            if (!"open".equals(incident.status())) {
                return Mono.error(new Conflict("Incident " + id + " is already handled."));
            }
            // A unit on another county's roster cannot patrol this county's field; other names (a township not yet on
            // the roster, a village team) are the county's to give.
            var listed = roster.unit(in.assignedTo().strip());
            if (listed.isPresent() && !listed.get().county().equals(incident.jurisdiction())) {
                return Mono.error(InvalidInput.of(
                        "assignedTo", "on the roster of county " + listed.get().county() + ", not of this incident's"));
            }
            return incidents
                    .assign(id, in.assignedTo().strip(), clock.instant())
                    .then(incidents.find(id));
        }));
    }

    /**
     * A patrol's verdict on an open incident of the caller's jurisdiction: stored with the response time and raised as
     * {@code fire-point-handled} (and {@code burning-confirmed}) through the outbox, in one transaction.
     */
    public Mono<Incident> verify(Caller caller, String id, Verification in) {
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        Instant verifiedAt = check(in, now, errors);
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInput(errors));
        }
        return tx.transactional(writable(caller, id).flatMap(incident -> {
            if (!"open".equals(incident.status())) {
                return Mono.error(new Conflict("Incident " + id + " is already handled."));
            }
            if (verifiedAt.isBefore(incident.firstAt())) {
                return Mono.error(
                        InvalidInput.of("verifiedAt", "before the incident's first detection " + incident.firstAt()));
            }
            int minutes = (int) Duration.between(incident.firstAt(), verifiedAt).toMinutes();
            String material = "burning-confirmed".equals(in.verdict()) ? in.material() : null;
            String note =
                    in.note() == null || in.note().isBlank() ? null : in.note().strip();
            return incidents
                    .handle(id, in.verdict(), material, verifiedAt, minutes, note, caller.username())
                    .then(events.raise(raised(incident, in.verdict(), material, verifiedAt, minutes)))
                    .then(incidents.find(id));
        }));
    }

    private Mono<Incident> writable(Caller caller, String id) {
        return incidents
                .lock(id)
                .switchIfEmpty(Mono.error(() -> new NotFound("Incident " + id + " was not found.")))
                .doOnNext(incident -> access.checkWrite(caller, incident.placement(), "Incident " + id));
    }

    private static List<StrawEvents.Raised> raised(
            Incident incident, String verdict, String material, Instant verifiedAt, int minutes) {
        String outcome = OUTCOME.get(verdict) + (material == null ? "" : ": " + MATERIAL.get(material));
        String subject = "fire-point/" + incident.id();
        List<StrawEvents.Raised> raised = new ArrayList<>(2);
        raised.add(new StrawEvents.Raised(
                FirePointHandled.TYPE,
                subject,
                incident.placement(),
                null,
                verifiedAt,
                new FirePointHandled(
                        incident.id(),
                        verifiedAt.toString(),
                        outcome,
                        verdict,
                        material,
                        minutes,
                        incident.assignedTo(),
                        incident.alertId())));
        if ("burning-confirmed".equals(verdict)) {
            raised.add(new StrawEvents.Raised(
                    BurningConfirmed.TYPE,
                    subject,
                    incident.placement(),
                    "major",
                    verifiedAt,
                    new BurningConfirmed(
                            incident.id(),
                            new Location(incident.lon(), incident.lat()),
                            incident.firstAt().toString(),
                            verifiedAt.toString(),
                            material,
                            incident.assignedTo(),
                            incident.alertId())));
        }
        return raised;
    }

    private static Instant check(Verification in, Instant now, List<FieldError> errors) {
        if (in == null) {
            errors.add(new FieldError("body", "required"));
            return null;
        }
        if (in.verdict() == null || !VERDICTS.contains(in.verdict())) {
            errors.add(new FieldError("verdict", "one of " + String.join(", ", VERDICTS)));
        }
        if ("burning-confirmed".equals(in.verdict())) {
            if (in.material() == null || !MATERIALS.contains(in.material())) {
                errors.add(new FieldError(
                        "material", "one of " + String.join(", ", MATERIALS) + " when burning is confirmed"));
            }
        } else if (in.material() != null) {
            errors.add(new FieldError("material", "only when burning is confirmed"));
        }
        Text.check("note", in.note(), 500, errors);
        Instant at = null;
        if (in.verifiedAt() == null) {
            errors.add(new FieldError("verifiedAt", "required"));
        } else {
            try {
                at = OffsetDateTime.parse(in.verifiedAt()).toInstant();
                if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
                    errors.add(new FieldError("verifiedAt", "in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("verifiedAt", "not a date-time with offset"));
            }
        }
        return at;
    }
}
