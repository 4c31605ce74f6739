package cn.lantian.greening.closure;

import cn.lantian.greening.access.Access;
import cn.lantian.greening.events.Events;
import cn.lantian.greening.geo.Boundaries;
import cn.lantian.greening.geo.Siting;
import cn.lantian.greening.rules.Rules;
import cn.lantian.greening.rules.WorkItems;
import cn.lantian.greening.web.Checks;
import cn.lantian.security.Caller;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Records closure areas, their patrols and the violations found inside, each write with its events. */
@Service
public class ClosureService {

    static final List<String> LEVELS = List.of("national", "regional");
    static final List<String> KINDS = List.of("grazing", "reclamation", "digging");
    static final List<String> ITEM_STATES = List.of("planned", "in-progress", "done");
    static final ZoneId KASHGAR = ZoneId.of("Asia/Shanghai");

    private final ClosureAreas areas;
    private final Siting siting;
    private final Access access;
    private final Events events;
    private final Rules rules;
    private final WorkItems workItems;
    private final TransactionalOperator tx;
    private final Clock clock;

    ClosureService(
            ClosureAreas areas,
            Siting siting,
            Access access,
            Events events,
            Rules rules,
            WorkItems workItems,
            TransactionalOperator tx,
            Clock clock) {
        this.areas = areas;
        this.siting = siting;
        this.access = access;
        this.events = events;
        this.rules = rules;
        this.workItems = workItems;
        this.tx = tx;
        this.clock = clock;
    }

    /** Creates a closure area; it must cover the contiguous minimum the national measures set. */
    public Mono<ClosureArea> create(Caller caller, ClosureInput in) {
        return Mono.defer(() -> {
            Geometry boundary = check(in);
            Siting.Site site = siting.site("boundary", boundary, in.corpsUnit());
            access.checkCreate(caller, site.placement());
            return save("closure-" + UUID.randomUUID().toString().substring(0, 12), in, boundary, site, false);
        });
    }

    /**
     * Stores a demonstration closure area; its area-greened event is raised like any other.
     *
     * @throws InvalidInput (as the Mono's error) when the area breaks a rule
     */
    public Mono<Void> seed(String id, ClosureInput in, Geometry boundary) {
        return Mono.defer(() -> {
            Siting.Site site = siting.site("boundary", boundary, in.corpsUnit());
            return save(id, in, boundary, site, true).then();
        });
    }

    /** Stores a demonstration patrol with its events. */
    public Mono<Void> seedPatrol(String areaId, PatrolInput in) {
        return areas.find(areaId).flatMap(area -> record(area, in)).then();
    }

    /** Stores a checked closure area with its area-greened event. */
    private Mono<ClosureArea> save(String id, ClosureInput in, Geometry boundary, Siting.Site site, boolean demo) {
        Map<String, ClosureInput.WorkItem> items = new LinkedHashMap<>();
        for (String item : workItems.ids()) {
            ClosureInput.WorkItem given =
                    in.workItems() == null ? null : in.workItems().get(item);
            items.put(item, given != null ? given : new ClosureInput.WorkItem("planned", null));
        }
        Point c = boundary.getCentroid();
        LocalDate date = in.designatedYear() != null ? LocalDate.of(in.designatedYear(), 1, 1) : today();
        Events.Raised greened = new Events.Raised(
                "lantian.greening.area-greened.v1",
                "closure-area/" + id,
                site.placement(),
                site.partners(),
                null,
                null,
                new AreaGreened(
                        id,
                        Math.round(site.hectares() * 100) / 100.0,
                        "sand-closure",
                        date.toString(),
                        new Events.Location(c.getX(), c.getY())));
        return tx.transactional(areas.insert(id, in, Boundaries.geoJson(boundary), site, items, demo)
                        .then(events.raise(greened)))
                .then(areas.find(id));
    }

    /** Records a patrol and raises a violation event for each violation found inside the area. */
    public Mono<Map<String, Object>> patrol(Caller caller, String areaId, PatrolInput in) {
        return areas.find(areaId)
                .filter(a -> access.mayWrite(caller, a.placement()))
                .switchIfEmpty(Mono.error(() -> new NotFound("Closure area " + areaId + " was not found.")))
                .flatMap(area -> {
                    checkPatrol(in, Boundaries.read("boundary", area.boundary()));
                    return record(area, in);
                });
    }

    private Mono<Map<String, Object>> record(ClosureArea area, PatrolInput in) {
        String areaId = area.id();
        String patrolId = "patrol-" + UUID.randomUUID().toString().substring(0, 12);
        List<PatrolInput.Found> found = in.violations() == null ? List.of() : in.violations();
        List<Events.Raised> raised = new ArrayList<>();
        raised.add(new Events.Raised(
                "lantian.greening.closure-patrol-recorded.v1",
                "closure-area/" + areaId,
                area.placement(),
                List.of(),
                null,
                null,
                new PatrolRecorded(
                        patrolId, areaId, in.patrolledOn().toString(), in.rangers(), in.distanceKm(), found.size())));
        List<Mono<Void>> writes = new ArrayList<>();
        writes.add(areas.insertPatrol(patrolId, areaId, in));
        List<String> ids = new ArrayList<>();
        for (PatrolInput.Found v : found) {
            String id = "violation-" + UUID.randomUUID().toString().substring(0, 12);
            ids.add(id);
            writes.add(areas.insertViolation(id, areaId, patrolId, v));
            // RFC 3339 wants the seconds, which OffsetDateTime.toString() leaves out when they are zero.
            String foundAt = v.foundAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            raised.add(new Events.Raised(
                    "lantian.greening.closure-violation-found.v1",
                    "closure-area/" + areaId,
                    area.placement(),
                    List.of(),
                    "major",
                    v.foundAt().toInstant(),
                    new ViolationFound(
                            id,
                            areaId,
                            area.name(),
                            patrolId,
                            v.kind(),
                            foundAt,
                            new Events.Location(v.lon(), v.lat()),
                            v.description())));
        }
        return tx.transactional(Flux.concat(writes).then(events.raiseAll(raised)))
                .thenReturn(Map.<String, Object>of("patrolId", patrolId, "violationIds", ids));
    }

    /** Sets one work item's state. */
    public Mono<ClosureArea> workItem(Caller caller, String areaId, String item, ClosureInput.WorkItem state) {
        return areas.find(areaId)
                .filter(a -> access.mayWrite(caller, a.placement()))
                .switchIfEmpty(Mono.error(() -> new NotFound("Closure area " + areaId + " was not found.")))
                .flatMap(area -> {
                    Checks checks = new Checks();
                    if (!workItems.known(item)) {
                        checks.fail("item", "is not a work item; known: " + String.join(", ", workItems.ids()));
                    }
                    if (checks.required("body", state)) {
                        checks.oneOf("status", state.status(), ITEM_STATES);
                        checks.optionalText("note", state.note(), 500);
                    }
                    checks.done();
                    return areas.workItem(areaId, item, state).then(areas.find(areaId));
                });
    }

    /** The area if the caller may read it. */
    public Mono<ClosureArea> get(Caller caller, String id) {
        return areas.find(id)
                .filter(a -> access.mayRead(caller, a.placement()))
                .switchIfEmpty(Mono.error(() -> new NotFound("Closure area " + id + " was not found.")));
    }

    /** Every closure area the caller sees. */
    public Mono<List<ClosureArea>> list(Caller caller) {
        return areas.list(access.visibleUnits(caller)).collectList();
    }

    /** The area's recent patrols and violations. */
    public Mono<Map<String, Object>> activity(Caller caller, String id) {
        return get(caller, id)
                .then(Mono.zip(
                        areas.patrols(id).collectList(), areas.violations(id).collectList()))
                .map(t -> Map.of("patrols", t.getT1(), "violations", t.getT2()));
    }

    private Geometry check(ClosureInput in) {
        Checks checks = new Checks();
        checks.text("name", in.name(), 200);
        checks.oneOf("level", in.level(), LEVELS);
        checks.optionalText("designation", in.designation(), 200);
        checks.optionalText("boundaryNote", in.boundaryNote(), 500);
        checks.optionalText("corpsUnit", in.corpsUnit(), 32);
        if (in.designatedYear() != null && (in.designatedYear() < 1950 || in.designatedYear() > today().getYear())) {
            checks.fail("designatedYear", "must be between 1950 and " + today().getYear());
        }
        if (!Boolean.TRUE.equals(in.assumed()) && in.designation() == null) {
            checks.fail("designation", "is required unless the area is marked assumed");
        }
        if (in.workItems() != null) {
            in.workItems().forEach((item, state) -> {
                if (!workItems.known(item)) {
                    checks.fail(
                            "workItems." + item, "is not a work item; known: " + String.join(", ", workItems.ids()));
                } else if (state == null) {
                    checks.fail("workItems." + item, "is required");
                } else {
                    checks.oneOf("workItems." + item + ".status", state.status(), ITEM_STATES);
                    checks.optionalText("workItems." + item + ".note", state.note(), 500);
                }
            });
        }
        Geometry boundary = null;
        try {
            boundary = Boundaries.read("boundary", in.boundary());
            double minHa = rules.value(Rules.CLOSURE_MIN_AREA) * 100;
            if (largestPartHectares(boundary) < minHa) {
                checks.fail(
                        "boundary",
                        "must enclose at least " + (long) rules.value(Rules.CLOSURE_MIN_AREA)
                                + " km² in one piece (national measures for sand-closure protection areas)");
            }
        } catch (InvalidInput e) {
            e.errors().forEach(err -> checks.fail(err.field(), err.reason()));
        }
        checks.done();
        return boundary;
    }

    /** Hectares of the largest contiguous piece. */
    static double largestPartHectares(Geometry boundary) {
        double best = 0;
        for (int i = 0; i < boundary.getNumGeometries(); i++) {
            best = Math.max(best, Boundaries.hectares(boundary.getGeometryN(i)));
        }
        return best;
    }

    private void checkPatrol(PatrolInput in, Geometry boundary) {
        Checks checks = new Checks();
        if (checks.required("patrolledOn", in.patrolledOn()) && in.patrolledOn().isAfter(today())) {
            checks.fail("patrolledOn", "must not be in the future");
        }
        if (checks.required("rangers", in.rangers()) && (in.rangers() < 1 || in.rangers() > 500)) {
            checks.fail("rangers", "must be between 1 and 500");
        }
        if (in.distanceKm() != null) {
            checks.between("distanceKm", in.distanceKm(), 0, 500);
        }
        checks.optionalText("note", in.note(), 1000);
        if (in.violations() != null) {
            if (in.violations().size() > 100) {
                checks.fail("violations", "must have at most 100 items");
            }
            for (int i = 0; i < Math.min(100, in.violations().size()); i++) {
                PatrolInput.Found v = in.violations().get(i);
                String f = "violations[" + i + "]";
                if (!checks.required(f, v)) {
                    continue;
                }
                checks.oneOf(f + ".kind", v.kind(), KINDS);
                if (checks.required(f + ".foundAt", v.foundAt())
                        && v.foundAt().toInstant().isAfter(clock.instant().plusSeconds(300))) {
                    checks.fail(f + ".foundAt", "must not be in the future");
                }
                checks.between(f + ".lon", v.lon(), -180, 180);
                checks.between(f + ".lat", v.lat(), -90, 90);
                if (v.lon() != null && v.lat() != null && !Boundaries.covers(boundary, v.lon(), v.lat())) {
                    checks.fail(f, "lies outside the closure area's boundary");
                }
                checks.optionalText(f + ".description", v.description(), 1000);
            }
        }
        checks.done();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(KASHGAR));
    }

    /** Data of {@code area-greened.v1}. */
    record AreaGreened(String areaId, double hectares, String kind, String date, Events.Location location) {}

    /** Data of {@code closure-patrol-recorded.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PatrolRecorded(
            String patrolId, String areaId, String patrolledOn, int rangers, Double distanceKm, int violations) {}

    /** Data of {@code closure-violation-found.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ViolationFound(
            String violationId,
            String areaId,
            String areaName,
            String patrolId,
            String kind,
            String foundAt,
            Events.Location location,
            String description) {}
}
