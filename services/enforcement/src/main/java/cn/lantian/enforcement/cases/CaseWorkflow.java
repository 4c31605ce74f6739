package cn.lantian.enforcement.cases;

import cn.lantian.enforcement.queue.WorkQueue;
import cn.lantian.enforcement.routing.CaseDraft;
import cn.lantian.enforcement.routing.RoutingTable;
import cn.lantian.eventing.Outbox;
import cn.lantian.web.Conflict;
import cn.lantian.web.Forbidden;
import cn.lantian.web.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Opens cases and moves them through the {@link Lifecycle}: each transition is saved, written to the case's history,
 * published through the outbox and, for new cases, escalations and referrals, put on the work queue, all in one
 * transaction.
 */
@Service
public class CaseWorkflow {

    private final Cases cases;
    private final Outbox outbox;
    private final WorkQueue queue;
    private final CaseAccess access;
    private final Transition transition;
    private final TransactionalOperator tx;
    private final Clock clock;

    public CaseWorkflow(
            Cases cases,
            Outbox outbox,
            WorkQueue queue,
            CaseAccess access,
            RoutingTable routing,
            cn.lantian.reference.Jurisdictions jurisdictions,
            TransactionalOperator tx,
            Clock clock) {
        this.cases = cases;
        this.outbox = outbox;
        this.queue = queue;
        this.access = access;
        this.transition = new Transition(routing, jurisdictions);
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Opens a case from a routed finding, or adds an occurrence to the open case with the same key; joins the current
     * transaction if there is one.
     *
     * @return the case id and whether it is new
     */
    public Mono<Cases.Upsert> open(CaseDraft draft) {
        return tx.transactional(cases.open(draft).flatMap(result -> {
            if (!result.inserted()) {
                return cases.history(
                                result.id(),
                                "repeated",
                                null,
                                CaseStatus.OPENED,
                                "intake",
                                "again: " + draft.originType() + " " + draft.originEventId(),
                                draft.openedAt())
                        .thenReturn(result);
            }
            EnforcementCase c = fromDraft(result.id(), draft);
            return cases.history(
                            c.id(), "open", null, CaseStatus.OPENED, "intake", draft.originType(), draft.openedAt())
                    .then(outbox.append(CaseEvents.of(
                            "lantian.enforcement.case-opened.v1", c, "intake", null, Map.of("summary", c.summary()))))
                    .then(queue.record(work(c, "case-opened", c.summary(), draft.openedAt())))
                    .thenReturn(result);
        }));
    }

    /**
     * The bulk form of {@link #open} for a batch of findings: one statement each for the cases, their history, their
     * case-opened events and their work items, whatever the batch size. Joins the current transaction if there is one.
     *
     * @param drafts drafts with pairwise different keys, sorted by key (concurrent batches then lock in the same order)
     * @return how many cases were new
     */
    public Mono<Integer> openAll(List<CaseDraft> drafts) {
        if (drafts.isEmpty()) {
            return Mono.just(0);
        }
        Map<String, CaseDraft> byKey = new LinkedHashMap<>();
        drafts.forEach(d -> byKey.put(d.key(), d));
        return tx.transactional(cases.openAll(drafts).collectList().flatMap(results -> {
            List<Cases.HistoryEntry> history = new ArrayList<>(results.size());
            List<EnforcementCase> opened = new ArrayList<>(results.size());
            for (Cases.KeyedUpsert result : results) {
                CaseDraft draft = byKey.get(result.key());
                if (result.inserted()) {
                    opened.add(fromDraft(result.id(), draft));
                    history.add(new Cases.HistoryEntry(
                            result.id(),
                            "open",
                            null,
                            CaseStatus.OPENED,
                            "intake",
                            draft.originType(),
                            draft.openedAt()));
                } else {
                    history.add(new Cases.HistoryEntry(
                            result.id(),
                            "repeated",
                            null,
                            CaseStatus.OPENED,
                            "intake",
                            "again: " + draft.originType() + " " + draft.originEventId(),
                            draft.openedAt()));
                }
            }
            return cases.historyAll(history)
                    .then(outbox.appendAll(opened.stream()
                            .map(c -> CaseEvents.of(
                                    "lantian.enforcement.case-opened.v1",
                                    c,
                                    "intake",
                                    null,
                                    Map.<String, Object>of("summary", c.summary())))
                            .toList()))
                    .then(queue.recordAll(opened.stream()
                            .map(c -> work(c, "case-opened", c.summary(), c.openedAt()))
                            .toList()))
                    .thenReturn(opened.size());
        }));
    }

    /** Closes the open case with that key because its source reports it resolved; empty when there is none. */
    public Mono<EnforcementCase> resolve(String key, String outcome, String originEventId) {
        return tx.transactional(cases.lockOpenByKey(key)
                .flatMap(c -> apply(c, Actor.system("intake"), new Command.Resolve(outcome, originEventId))));
    }

    /** Applies the command to the case after checking the actor's right and the lifecycle. */
    public Mono<EnforcementCase> act(String caseId, Actor actor, Command command) {
        return tx.transactional(cases.lock(caseId)
                .switchIfEmpty(Mono.error(() -> new NotFound("no case " + caseId)))
                .flatMap(c -> apply(c, actor, command)));
    }

    private Mono<EnforcementCase> apply(EnforcementCase c, Actor actor, Command command) {
        if (actor.caller() != null) {
            boolean answering = command instanceof Command.AcceptReferral || command instanceof Command.RefuseReferral;
            if (!access.reads(actor.caller(), c) && !(answering && access.answersReferral(actor.caller(), c))) {
                return Mono.error(new NotFound("no case " + c.id()));
            }
            boolean allowed = answering ? access.answersReferral(actor.caller(), c) : access.acts(actor.caller(), c);
            if (!allowed) {
                return Mono.error(new Forbidden(
                        answering
                                ? "only the referral's target (" + target(c) + ") answers it"
                                : "case " + c.id() + " belongs to " + String.join("/", c.actingUnits()) + " and agency "
                                        + c.agency() + "; you may read it but not act on it"));
            }
        }
        CaseStatus to = Lifecycle.next(c.status(), command.action()).orElseThrow(() -> refused(c, command.action()));
        Instant now = clock.instant();
        Transition.Result result = transition.apply(c, command, to, now);
        EnforcementCase next = result.updated();
        String note = result.note();
        Mono<Void> work = switch (command.action()) {
            case ESCALATE ->
                queue.record(work(next, "case-escalated", next.escalationKind() + ": " + next.summary(), now));
            case REFER ->
                queue.record(work(next, "case-referred", "referred to " + target(next) + ": " + next.summary(), now));
            case ACCEPT_REFERRAL -> queue.record(work(next, "referral-accepted", next.summary(), now));
            case REFUSE_REFERRAL -> queue.record(work(c, "referral-refused", note, now));
            default -> Mono.empty();
        };
        return cases.save(next)
                .then(cases.history(
                        c.id(), command.action().wire(), c.status(), next.status(), actor.name(), note, now))
                .then(outbox.append(
                        CaseEvents.of(command.action().eventType(), next, actor.name(), note, result.extra())))
                .then(work)
                .thenReturn(next);
    }

    private static Conflict refused(EnforcementCase c, Action action) {
        List<String> allowed =
                Lifecycle.allowed(c.status()).stream().map(Action::wire).toList();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("caseId", c.id());
        props.put("currentState", c.status().wire());
        props.put("refusedTransition", action.wire());
        props.put("allowedTransitions", allowed);
        return new Conflict(
                "case " + c.id() + " is " + c.status().wire() + ": " + action.wire() + " is not allowed; "
                        + (allowed.isEmpty() ? "nothing is" : "allowed: " + String.join(", ", allowed)),
                props);
    }

    private static String target(EnforcementCase c) {
        List<String> parts = new ArrayList<>();
        if (c.referralJurisdiction() != null) {
            parts.add(c.referralJurisdiction());
        }
        if (c.referralAgency() != null) {
            parts.add(c.referralAgency());
        }
        return String.join(" ", parts);
    }

    private static EnforcementCase fromDraft(String id, CaseDraft d) {
        return new EnforcementCase(
                id,
                0,
                d.originEventId(),
                d.originType(),
                d.key(),
                d.subjectRef(),
                d.enterpriseId(),
                d.ruleId(),
                d.ruleSource(),
                d.summary(),
                d.placement().jurisdiction(),
                d.placement().corpsUnit(),
                d.notified(),
                d.placement().jurisdiction(),
                d.agency(),
                d.severity(),
                CaseStatus.OPENED,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                d.deadline(),
                0,
                null,
                1,
                null,
                null,
                d.openedAt(),
                null,
                null,
                d.openedAt());
    }

    /** How long a deadline set by the actor must at least lie ahead. */
    static final Duration NOW_TOLERANCE = Duration.ofMinutes(1);

    /** The work-queue item for the case: it concerns everyone who sees the case, of its agency and a referral's. */
    private static WorkQueue.Entry work(EnforcementCase c, String kind, String summary, Instant at) {
        List<String> agencies = new ArrayList<>(List.of(c.agency()));
        if (c.referralAgency() != null && !agencies.contains(c.referralAgency())) {
            agencies.add(c.referralAgency());
        }
        return new WorkQueue.Entry(c.id(), kind, c.audience(), agencies, c.severity(), summary, at);
    }
}
