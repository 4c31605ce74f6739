package cn.lantian.greening.project;

import cn.lantian.greening.access.Access;
import cn.lantian.greening.events.Events;
import cn.lantian.greening.geo.Boundaries;
import cn.lantian.greening.geo.Siting;
import cn.lantian.greening.rules.Rules;
import cn.lantian.greening.web.Checks;
import cn.lantian.greening.web.Page;
import cn.lantian.security.Caller;
import cn.lantian.web.Conflict;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Records projects, planting and survival checks, each write with its events in one transaction. */
@Service
public class ProjectService {

    static final List<String> PROGRAMMES = List.of("three-north", "shelterbelt", "urban-greening", "farmland-shelter");
    static final List<String> SEASONS = List.of("spring", "autumn");
    /** Largest area one project may declare, in hectares: far above any real project, it catches unit mix-ups. */
    static final double MAX_PROJECT_HA = 200_000;

    static final ZoneId KASHGAR = ZoneId.of("Asia/Shanghai");

    private final Projects projects;
    private final Siting siting;
    private final Access access;
    private final Events events;
    private final Rules rules;
    private final TransactionalOperator tx;
    private final Clock clock;

    ProjectService(
            Projects projects,
            Siting siting,
            Access access,
            Events events,
            Rules rules,
            TransactionalOperator tx,
            Clock clock) {
        this.projects = projects;
        this.siting = siting;
        this.access = access;
        this.events = events;
        this.rules = rules;
        this.tx = tx;
        this.clock = clock;
    }

    /** Creates a project placed by its boundary; the caller must govern that place. */
    public Mono<Project> create(Caller caller, ProjectInput in) {
        return Mono.defer(() -> {
            Geometry boundary = check(in);
            Siting.Site site = siting.site("boundary", boundary, in.corpsUnit());
            access.checkCreate(caller, site.placement());
            return save(
                    in,
                    boundary,
                    site,
                    false,
                    "prj-" + UUID.randomUUID().toString().substring(0, 12),
                    null);
        });
    }

    /** Stores a checked project with its events. */
    private Mono<Project> save(
            ProjectInput in, Geometry boundary, Siting.Site site, boolean demo, String id, LocalDate greenedOn) {
        return save(in, boundary, site, demo, id, greenedOn, true);
    }

    private Mono<Project> save(
            ProjectInput in,
            Geometry boundary,
            Siting.Site site,
            boolean demo,
            String id,
            LocalDate greenedOn,
            boolean publish) {
        double planned = in.planned().hectares(rules);
        double planted = in.planted() == null ? 0 : in.planted().hectares(rules);
        Mono<Void> greened = planted > 0 && publish
                ? events.raise(greened(id, planted, site, boundary, greenedOn != null ? greenedOn : today()))
                : Mono.empty();
        return tx.transactional(projects.insert(id, in, planned, planted, Boundaries.geoJson(boundary), site, demo)
                        .then(greened))
                .then(projects.find(id));
    }

    /** Sets the planted area to date; an increase raises area-greened. */
    public Mono<Project> plant(Caller caller, String id, PlantingInput in) {
        return writable(caller, id).flatMap(project -> {
            Checks checks = new Checks();
            if (checks.required("planted", in.planted())) {
                in.planted().check(checks, "planted", rules, MAX_PROJECT_HA);
            }
            LocalDate on = in.plantedOn() == null ? today() : in.plantedOn();
            if (on.isAfter(today())) {
                checks.fail("plantedOn", "must not be in the future");
            }
            checks.done();
            double hectares = in.planted().hectares(rules);
            if (hectares < project.planted().hectares() - 1e-9) {
                throw new Conflict("The planted area to date cannot shrink; record losses as a survival check.");
            }
            Geometry boundary = Boundaries.read("boundary", project.boundary());
            Siting.Site site = new Siting.Site(
                    project.placement(),
                    project.boundaryArea().hectares(),
                    project.shares().stream()
                            .map(s -> new Siting.Share(s.unit(), s.area().hectares(), s.share()))
                            .toList());
            Mono<Void> greened = hectares > project.planted().hectares()
                    ? events.raise(greened(id, hectares, site, boundary, on))
                    : Mono.empty();
            return tx.transactional(projects.planted(id, hectares).then(greened))
                    .then(projects.find(id));
        });
    }

    /** Records a survival check; one per project and day. */
    public Mono<Project.Survival> survival(Caller caller, String id, SurvivalInput in) {
        return writable(caller, id).flatMap(project -> {
            Checks checks = new Checks();
            if (checks.required("checkedOn", in.checkedOn()) && in.checkedOn().isAfter(today())) {
                checks.fail("checkedOn", "must not be in the future");
            }
            checks.between("survivalRate", in.survivalRate(), 0, 100);
            if (in.replanted() != null) {
                in.replanted().check(checks, "replanted", rules, MAX_PROJECT_HA);
            }
            checks.optionalText("note", in.note(), 1000);
            checks.done();
            String verdict = rules.survivalVerdict(in.survivalRate());
            double replanted = in.replanted() == null ? 0 : in.replanted().hectares(rules);
            String checkId = "sc-" + UUID.randomUUID().toString().substring(0, 12);
            Mono<Void> write = projects.insertSurvival(
                            checkId, id, in.checkedOn(), in.survivalRate(), verdict, replanted, in.note())
                    .flatMap(inserted -> {
                        if (!inserted) {
                            return Mono.error(new Conflict(
                                    "The project already has a survival check on " + in.checkedOn() + "."));
                        }
                        return events.raise(new Events.Raised(
                                "lantian.greening.survival-checked.v1",
                                "project/" + id,
                                project.placement(),
                                List.of(),
                                null,
                                null,
                                new SurvivalChecked(
                                        id,
                                        checkId,
                                        in.checkedOn().toString(),
                                        in.survivalRate(),
                                        verdict,
                                        rules.value(Rules.SURVIVAL_QUALIFIED),
                                        replanted)));
                    });
            return tx.transactional(write)
                    .then(projects.survivals(id)
                            .filter(s -> s.id().equals(checkId))
                            .next());
        });
    }

    /**
     * Stores a demonstration project placed by its boundary, as if recorded on {@code plantedOn}; its area-greened event
     * is raised only when {@code publish} (the demo publishes its recent part only).
     *
     * @return the project's placement
     */
    public Mono<cn.lantian.reference.Placement> seed(
            String id, ProjectInput in, Geometry boundary, String corpsUnit, LocalDate plantedOn, boolean publish) {
        return Mono.defer(() -> {
            Siting.Site site = siting.site("boundary", boundary, corpsUnit);
            return save(in, boundary, site, true, id, plantedOn, publish).map(Project::placement);
        });
    }

    /** Stores a demonstration survival check; its event is raised only when {@code publish}. */
    public Mono<Void> seedSurvival(
            String projectId, LocalDate checkedOn, double rate, double replantedHa, boolean publish) {
        String verdict = rules.survivalVerdict(rate);
        String checkId = "sc-" + projectId + "-" + checkedOn;
        return tx.transactional(projects.insertSurvival(checkId, projectId, checkedOn, rate, verdict, replantedHa, null)
                .flatMap(inserted -> !inserted || !publish
                        ? Mono.<Void>empty()
                        : projects.find(projectId)
                                .flatMap(p -> events.raise(new Events.Raised(
                                        "lantian.greening.survival-checked.v1",
                                        "project/" + projectId,
                                        p.placement(),
                                        List.of(),
                                        null,
                                        null,
                                        new SurvivalChecked(
                                                projectId,
                                                checkId,
                                                checkedOn.toString(),
                                                rate,
                                                verdict,
                                                rules.value(Rules.SURVIVAL_QUALIFIED),
                                                replantedHa))))));
    }

    /** The project if the caller may read it. */
    public Mono<Project> get(Caller caller, String id) {
        return projects.find(id)
                .filter(p -> access.mayRead(caller, p.placement()))
                .switchIfEmpty(Mono.error(() -> new NotFound("Project " + id + " was not found.")));
    }

    /** Every survival check of a project the caller may read. */
    public Mono<List<Project.Survival>> survivals(Caller caller, String id) {
        return get(caller, id).then(projects.survivals(id).collectList());
    }

    /** A page of the projects the caller sees. */
    public Mono<Page<Project>> list(
            Caller caller, String jurisdiction, String programme, Integer year, String after, Integer limit) {
        return Mono.defer(() -> {
            Checks checks = new Checks();
            checks.optionalText("jurisdiction", jurisdiction, 32).optionalText("after", after, 64);
            if (programme != null) {
                checks.oneOf("programme", programme, PROGRAMMES);
            }
            checks.done();
            int size = Page.limit(limit);
            return projects.list(new Projects.Filter(
                            access.visibleUnits(caller), jurisdiction, programme, year, after, size))
                    .collectList()
                    .map(rows -> Page.of(rows, size, Project::id));
        });
    }

    private Mono<Project> writable(Caller caller, String id) {
        // A project the caller may not change answers exactly as one that does not exist.
        return projects.find(id)
                .filter(p -> access.mayWrite(caller, p.placement()))
                .switchIfEmpty(Mono.error(() -> new NotFound("Project " + id + " was not found.")));
    }

    private Geometry check(ProjectInput in) {
        Checks checks = new Checks();
        checks.text("name", in.name(), 200);
        checks.oneOf("programme", in.programme(), PROGRAMMES);
        checks.oneOf("plantingSeason", in.plantingSeason(), SEASONS);
        if (checks.required("species", in.species())) {
            if (in.species().isEmpty()) {
                checks.fail("species", "must name at least one species");
            }
            checks.texts("species", in.species(), 20, 100);
        }
        int thisYear = today().getYear();
        if (checks.required("plantingYear", in.plantingYear())
                && (in.plantingYear() < 1978 || in.plantingYear() > thisYear + 1)) {
            // The Three-North programme began in 1978; planning reaches into next year.
            checks.fail("plantingYear", "must be between 1978 and " + (thisYear + 1));
        }
        if (checks.required("planned", in.planned())) {
            in.planned().check(checks, "planned", rules, MAX_PROJECT_HA);
        }
        if (in.planted() != null) {
            in.planted().check(checks, "planted", rules, MAX_PROJECT_HA);
        }
        checks.optionalText("corpsUnit", in.corpsUnit(), 32);
        if (checks.required("forestChief", in.forestChief())) {
            checks.text("forestChief.county", in.forestChief().county(), 100);
            checks.optionalText("forestChief.township", in.forestChief().township(), 100);
            checks.optionalText("forestChief.village", in.forestChief().village(), 100);
        }
        Geometry boundary = null;
        try {
            boundary = Boundaries.read("boundary", in.boundary());
        } catch (InvalidInput e) {
            e.errors().forEach(err -> checks.fail(err.field(), err.reason()));
        }
        checks.done();
        return boundary;
    }

    private Events.Raised greened(String id, double hectares, Siting.Site site, Geometry boundary, LocalDate on) {
        Point c = boundary.getCentroid();
        return new Events.Raised(
                "lantian.greening.area-greened.v1",
                "project/" + id,
                site.placement(),
                site.partners(),
                null,
                null,
                new AreaGreened(
                        id,
                        Math.round(hectares * 10_000) / 10_000.0,
                        "afforestation",
                        on.toString(),
                        new Events.Location(c.getX(), c.getY())));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(KASHGAR));
    }

    /** Data of {@code area-greened.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AreaGreened(String areaId, double hectares, String kind, String date, Events.Location location) {}

    /** Data of {@code survival-checked.v1}. */
    record SurvivalChecked(
            String projectId,
            String checkId,
            String checkedOn,
            double survivalRate,
            String verdict,
            double qualifiedRate,
            double replantedHectares) {}
}
