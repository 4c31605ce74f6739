package cn.lantian.enforcement.campaign;

import cn.lantian.enforcement.cases.Actor;
import cn.lantian.enforcement.cases.CaseWorkflow;
import cn.lantian.enforcement.cases.Cases;
import cn.lantian.enforcement.cases.Command;
import cn.lantian.enforcement.registry.PermitRegistry;
import cn.lantian.enforcement.routing.CaseRouter;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import cn.lantian.web.FieldError;
import cn.lantian.web.Forbidden;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plans campaigns, generates their tasks from open cases and from the permit registry, records results and feeds them
 * into the cases.
 */
@Service
public class Campaigns {

    /**
     * The origin of a case opened by a team's confirmed violation at a registered enterprise: the routing table's
     * internal route of that name gives agency, severity and deadline; it is no contract event type.
     */
    public static final String FINDING_ORIGIN = "lantian.enforcement.campaign-finding";

    private final DatabaseClient db;
    private final Cases cases;
    private final CaseWorkflow workflow;
    private final PairingRules rules;
    private final Jurisdictions jurisdictions;
    private final PermitRegistry registry;
    private final CaseRouter router;
    private final TransactionalOperator tx;
    private final Clock clock;

    public Campaigns(
            DatabaseClient db,
            Cases cases,
            CaseWorkflow workflow,
            Jurisdictions jurisdictions,
            PermitRegistry registry,
            CaseRouter router,
            TransactionalOperator tx,
            Clock clock) {
        // Fail at start-up, not at a team's first confirmed violation, when the routing table lacks the route.
        router.table()
                .internalRoute(FINDING_ORIGIN)
                .orElseThrow(() -> new IllegalStateException(
                        "routing/case-routes.json needs an internal route for " + FINDING_ORIGIN));
        this.db = db;
        this.cases = cases;
        this.workflow = workflow;
        this.rules = new PairingRules(jurisdictions);
        this.jurisdictions = jurisdictions;
        this.registry = registry;
        this.router = router;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * What the prefecture plans.
     *
     * @param agency the agency that carries it out; may be left out by a planner who acts for one agency only
     */
    public record Plan(
            @Size(max = TextLength.NAME) String name,
            @Size(max = TextLength.CODE) String agency,
            LocalDate startsOn,
            LocalDate endsOn,
            @Valid List<Pairing> pairings) {}

    /** A team's result for one task. */
    public record Result(
            Boolean violation,
            @Size(max = TextLength.TEXT) String findings,
            List<@Size(max = TextLength.TEXT) String> evidence) {}

    /**
     * Plans the campaign and generates, for each pairing, one task per open case lying in its target and one per
     * permitted enterprise there ({@link cn.lantian.enforcement.registry.PermitRegistry}) that no case task of the
     * campaign already covers.
     */
    public Mono<Campaign> plan(Caller caller, Plan plan) {
        if (!caller.prefecture()) {
            return Mono.error(new Forbidden("only the prefecture plans cross-enforcement campaigns"));
        }
        List<FieldError> errors = new ArrayList<>();
        if (plan.name() == null || plan.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        }
        if (plan.startsOn() == null) {
            errors.add(new FieldError("startsOn", "is required"));
        }
        if (plan.endsOn() == null) {
            errors.add(new FieldError("endsOn", "is required"));
        } else if (plan.startsOn() != null && plan.endsOn().isBefore(plan.startsOn())) {
            errors.add(new FieldError("endsOn", "must not lie before startsOn"));
        }
        errors.addAll(rules.check(plan.pairings()));
        String agency = plan.agency() != null
                ? plan.agency()
                : caller.agencies().size() == 1 ? caller.agencies().iterator().next() : null;
        if (agency == null) {
            errors.add(new FieldError(
                    "agency", "is required: you act for " + caller.agencies().size() + " agencies"));
        } else if (!caller.isOf(agency)) {
            errors.add(new FieldError("agency", "must be an agency you act for: " + caller.agencies()));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInput(errors));
        }
        String id = "campaign-" + UUID.randomUUID();
        Instant now = clock.instant();
        List<Pairing> pairings = plan.pairings().stream()
                .map(p -> new Pairing(canonical(p.team()), canonical(p.target())))
                .toList();
        Mono<Void> write = db.sql("insert into campaign (id, name, agency, starts_on, ends_on, created_by, created_at) "
                        + "values (:id, :name, :agency, :from, :to, :by, :at)")
                .bind("id", id)
                .bind("name", plan.name())
                .bind("agency", agency)
                .bind("from", plan.startsOn())
                .bind("to", plan.endsOn())
                .bind("by", caller.username())
                .bind("at", now.atOffset(ZoneOffset.UTC))
                .fetch()
                .rowsUpdated()
                .thenMany(Flux.fromIterable(pairings)
                        .concatMap(p -> db.sql("insert into campaign_pairing "
                                        + "(campaign_id, team, target) values (:id, :team, :target)")
                                .bind("id", id)
                                .bind("team", p.team())
                                .bind("target", p.target())
                                .fetch()
                                .rowsUpdated()
                                // One statement per pairing: a target may hold thousands of open cases.
                                .then(db.sql(
                                                "insert into campaign_task (id, campaign_id, case_id, team, target, status) "
                                                        + "select 'task-' || gen_random_uuid(), :id, c.id, :team, :target, 'pending' "
                                                        + "from enforcement_case c where c.status not in ('closed', 'referred') "
                                                        + "and (c.jurisdiction = any(:units) or c.corps_unit = any(:units)) "
                                                        + "on conflict do nothing")
                                        .bind("id", id)
                                        .bind("team", p.team())
                                        .bind("target", p.target())
                                        .bind(
                                                "units",
                                                jurisdictions
                                                        .unitsUnder(p.target())
                                                        .toArray(String[]::new))
                                        .fetch()
                                        .rowsUpdated())
                                .then(db.sql(
                                                "insert into campaign_task (id, campaign_id, enterprise_id, team, target, status) "
                                                        + "select 'task-' || gen_random_uuid(), :id, r.enterprise_id, :team, :target, 'pending' "
                                                        + "from registry_enterprise r where (r.jurisdiction = any(:units) "
                                                        + "or r.corps_unit = any(:units)) and not exists (select 1 from campaign_task t "
                                                        + "join enforcement_case c on c.id = t.case_id where t.campaign_id = :id "
                                                        + "and c.enterprise_id = r.enterprise_id) on conflict do nothing")
                                        .bind("id", id)
                                        .bind("team", p.team())
                                        .bind("target", p.target())
                                        .bind(
                                                "units",
                                                jurisdictions
                                                        .unitsUnder(p.target())
                                                        .toArray(String[]::new))
                                        .fetch()
                                        .rowsUpdated())))
                .then();
        return tx.transactional(write.then(find(id)));
    }

    /**
     * Records a team's result and feeds it into the case as an inspection. On a registry task (an enterprise without a
     * case) a confirmed violation opens a case for the enterprise, where the registry places it, links it to the task
     * and records the result as its first inspection; no violation leaves the result on the task alone.
     */
    public Mono<Campaign> record(Caller caller, String campaignId, String taskId, Result result) {
        List<FieldError> errors = new ArrayList<>();
        if (result.violation() == null) {
            errors.add(new FieldError("violation", "is required: whether the team confirmed the violation"));
        }
        if (result.findings() == null || result.findings().isBlank()) {
            errors.add(new FieldError("findings", "is required"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInput(errors));
        }
        Instant now = clock.instant();
        Mono<Campaign> work = findFor(caller, campaignId).flatMap(campaign -> {
            Campaign.Task task = campaign.tasks().stream()
                    .filter(t -> t.id().equals(taskId))
                    .findFirst()
                    .orElseThrow(() -> new NotFound("no task " + taskId + " in campaign " + campaignId));
            if (!caller.covers(jurisdictions, task.team())) {
                return Mono.error(new Forbidden("only team " + task.team() + " or the prefecture records this task"));
            }
            if (!"pending".equals(task.status())) {
                return Mono.error(new cn.lantian.web.Conflict(
                        "task " + taskId + " was recorded already",
                        java.util.Map.of("currentState", task.status(), "allowedTransitions", List.of())));
            }
            List<String> evidence = result.evidence() == null ? List.of() : result.evidence();
            return db.sql("update campaign_task set status = 'done', violation = :v, findings = :f, evidence = :e, "
                            + "recorded_by = :by, recorded_at = :at where id = :id")
                    .bind("v", result.violation())
                    .bind("f", result.findings())
                    .bind("e", evidence.toArray(String[]::new))
                    .bind("by", caller.username())
                    .bind("at", now.atOffset(ZoneOffset.UTC))
                    .bind("id", taskId)
                    .fetch()
                    .rowsUpdated()
                    .then(feed(campaignId, task, caller, result, evidence))
                    .then(findFor(caller, campaignId));
        });
        return tx.transactional(work);
    }

    /** Feeds the result into the task's case, opening one first for a confirmed violation on a registry task. */
    private Mono<Void> feed(
            String campaignId, Campaign.Task task, Caller caller, Result result, List<String> evidence) {
        Actor team = Actor.system("campaign team " + task.team() + " (" + caller.username() + ")");
        Command inspection = new Command.CampaignInspection(
                campaignId, task.team(), result.violation(), result.findings(), evidence);
        if (task.caseId() != null) {
            return workflow.act(task.caseId(), team, inspection).then();
        }
        if (!result.violation()) {
            return Mono.empty();
        }
        ObjectNode data = JsonNodeFactory.instance
                .objectNode()
                .put("campaignId", campaignId)
                .put("taskId", task.id())
                .put("enterpriseId", task.enterpriseId())
                .put("team", task.team())
                .put("findings", result.findings());
        return registry.placementOf(task.enterpriseId())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("registry task " + task.id()
                        + " names enterprise " + task.enterpriseId() + " the registry lacks")))
                // The task id stands for the origin event: one case per task, and the task is recorded once.
                .flatMap(placement -> workflow.open(
                        router.raise(FINDING_ORIGIN, task.id(), "enterprise/" + task.enterpriseId(), data, placement)))
                .flatMap(opened -> db.sql("update campaign_task set case_id = :case where id = :id")
                        .bind("case", opened.id())
                        .bind("id", task.id())
                        .fetch()
                        .rowsUpdated()
                        .then(workflow.act(opened.id(), team, inspection)))
                .then();
    }

    /** Campaigns the caller takes part in (as team or target), or all for the prefecture, each as the caller sees it. */
    public Flux<Campaign> visibleTo(Caller caller) {
        return db.sql("select id from campaign order by created_at desc")
                .map((r, m) -> r.get("id", String.class))
                .all()
                .concatMap(this::find)
                .mapNotNull(c -> seenBy(caller, c));
    }

    /** The campaign as the caller sees it; a campaign the caller takes no part in answers as one that does not exist. */
    public Mono<Campaign> findFor(Caller caller, String id) {
        return find(id).mapNotNull(c -> seenBy(caller, c))
                .switchIfEmpty(Mono.error(() -> new NotFound("no campaign " + id)));
    }

    /**
     * The prefecture sees the whole campaign; an officer of the campaign's agency sees the pairings whose team or
     * target is their unit (or lies under it), with those pairings' tasks only; anyone else nothing (null).
     */
    private Campaign seenBy(Caller caller, Campaign c) {
        if (caller.prefecture()) {
            return c;
        }
        if (!caller.isOf(c.agency())) {
            return null;
        }
        Campaign mine =
                c.onlyPairings(p -> caller.covers(jurisdictions, p.team()) || caller.covers(jurisdictions, p.target()));
        return mine.pairings().isEmpty() ? null : mine;
    }

    Mono<Campaign> find(String id) {
        Mono<List<Pairing>> pairings = db.sql(
                        "select team, target from campaign_pairing where campaign_id = :id order by team, target")
                .bind("id", id)
                .map((r, m) -> new Pairing(r.get("team", String.class), r.get("target", String.class)))
                .all()
                .collectList();
        Mono<List<Campaign.Task>> tasks = db.sql(
                        "select * from campaign_task where campaign_id = :id order by team, target, case_id nulls last, enterprise_id")
                .bind("id", id)
                .map((r, m) -> {
                    OffsetDateTime at = r.get("recorded_at", OffsetDateTime.class);
                    String[] evidence = r.get("evidence", String[].class);
                    return new Campaign.Task(
                            r.get("id", String.class),
                            r.get("case_id", String.class),
                            r.get("enterprise_id", String.class),
                            r.get("team", String.class),
                            r.get("target", String.class),
                            r.get("status", String.class),
                            r.get("violation", Boolean.class),
                            r.get("findings", String.class),
                            evidence == null ? List.of() : Arrays.asList(evidence),
                            r.get("recorded_by", String.class),
                            at == null ? null : at.toInstant());
                })
                .all()
                .collectList();
        return db.sql("select * from campaign where id = :id")
                .bind("id", id)
                .map((r, m) -> new Campaign(
                        r.get("id", String.class),
                        r.get("name", String.class),
                        r.get("agency", String.class),
                        r.get("starts_on", LocalDate.class),
                        r.get("ends_on", LocalDate.class),
                        r.get("created_by", String.class),
                        r.get("created_at", OffsetDateTime.class).toInstant(),
                        List.of(),
                        List.of()))
                .one()
                .zipWith(
                        Mono.zip(pairings, tasks),
                        (c, t) -> new Campaign(
                                c.id(),
                                c.name(),
                                c.agency(),
                                c.startsOn(),
                                c.endsOn(),
                                c.createdBy(),
                                c.createdAt(),
                                t.getT1(),
                                t.getT2()));
    }

    private String canonical(String id) {
        return jurisdictions.byId(id).map(Jurisdiction::id).orElse(id);
    }
}
