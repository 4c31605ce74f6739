package cn.lantian.enforcement.cases;

import cn.lantian.enforcement.routing.RoutingTable;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a command does to a case's fields, once the lifecycle allowed it; checks the command's own fields. */
final class Transition {

    /** The changed case, the note for its history and the extra event data. */
    record Result(EnforcementCase updated, String note, Map<String, Object> extra) {}

    private final RoutingTable routing;
    private final Jurisdictions jurisdictions;

    Transition(RoutingTable routing, Jurisdictions jurisdictions) {
        this.routing = routing;
        this.jurisdictions = jurisdictions;
    }

    /** The case being changed: before, the builder of after, the time, and the extra event data collected. */
    private record Change(EnforcementCase c, Builder b, Instant now, Map<String, Object> extra) {}

    /** What one kind of command does; returns the note for the case's history. */
    @FunctionalInterface
    private interface Step<T extends Command> {
        String apply(T command, Change change);
    }

    /** One method per command, found by the command's type. */
    private final Map<Class<?>, Step<?>> steps = Map.ofEntries(
            step(Command.Assign.class, Transition::assign),
            step(Command.ScheduleInspection.class, Transition::scheduleInspection),
            step(Command.RecordInspection.class, Transition::recordInspection),
            step(Command.CampaignInspection.class, Transition::campaignInspection),
            step(Command.OrderRectification.class, Transition::orderRectification),
            step(Command.Close.class, Transition::close),
            step(Command.Resolve.class, Transition::resolve),
            step(Command.Escalate.class, this::escalate),
            step(Command.Refer.class, this::refer),
            step(Command.AcceptReferral.class, Transition::acceptReferral),
            step(Command.RefuseReferral.class, Transition::refuseReferral));

    Result apply(EnforcementCase c, Command command, CaseStatus to, Instant now) {
        Change change = new Change(c, new Builder(c, to, now), now, new LinkedHashMap<>());
        String note = stepOf(command).apply(command, change);
        return new Result(change.b().build(), note, change.extra());
    }

    /** Whether every kind of command has its step (checked by the tests, so a new command cannot be forgotten). */
    boolean handlesEvery(Class<?>... commands) {
        return java.util.Arrays.stream(commands).allMatch(steps::containsKey);
    }

    @SuppressWarnings("unchecked")
    private <T extends Command> Step<T> stepOf(T command) {
        Step<T> step = (Step<T>) steps.get(command.getClass());
        if (step == null) {
            throw new IllegalArgumentException("unknown command " + command);
        }
        return step;
    }

    private static <T extends Command> Map.Entry<Class<?>, Step<?>> step(Class<T> type, Step<T> step) {
        return Map.entry(type, step);
    }

    private static String assign(Command.Assign a, Change ch) {
        require("assignee", a.assignee());
        ch.b().assignee = a.assignee();
        ch.extra().put("assignee", a.assignee());
        return "assigned to " + a.assignee();
    }

    private static String scheduleInspection(Command.ScheduleInspection s, Change ch) {
        if (s.at() == null) {
            throw InvalidInput.of("at", "is required: when the inspection takes place");
        }
        ch.b().inspectionAt = s.at();
        ch.extra().put("inspectionAt", s.at().toString());
        return "inspection at " + s.at();
    }

    private static String recordInspection(Command.RecordInspection r, Change ch) {
        require("findings", r.findings());
        Builder b = ch.b();
        b.findings = r.findings();
        b.evidence = merge(ch.c().evidence(), r.evidence());
        ch.extra().put("findings", r.findings());
        ch.extra().put("evidence", b.evidence);
        return r.findings();
    }

    private static String campaignInspection(Command.CampaignInspection r, Change ch) {
        require("findings", r.findings());
        Builder b = ch.b();
        Map<String, Object> extra = ch.extra();
        b.findings = "[cross-enforcement " + r.campaignId() + " by " + r.team() + "] " + r.findings();
        b.evidence = merge(ch.c().evidence(), r.evidence());
        extra.put("findings", b.findings);
        extra.put("evidence", b.evidence);
        extra.put("campaignId", r.campaignId());
        extra.put("inspectingTeam", r.team());
        extra.put("violationConfirmed", r.violation());
        return b.findings;
    }

    private static String orderRectification(Command.OrderRectification o, Change ch) {
        List<FieldError> errors = new ArrayList<>();
        if (o.deadline() == null) {
            errors.add(new FieldError("deadline", "is required: the date by which to rectify"));
        } else if (!o.deadline().isAfter(ch.now().plus(CaseWorkflow.NOW_TOLERANCE))) {
            errors.add(new FieldError("deadline", "must lie in the future"));
        }
        if (o.requirements() == null || o.requirements().isBlank()) {
            errors.add(new FieldError("requirements", "is required: what must be rectified"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        ch.b().deadline = o.deadline();
        ch.extra().put("requirements", o.requirements());
        return "rectify by " + o.deadline() + ": " + o.requirements();
    }

    private static String close(Command.Close k, Change ch) {
        List<FieldError> errors = new ArrayList<>();
        if (k.verification() == null || k.verification().isBlank()) {
            errors.add(new FieldError("verification", "is required: how the rectification was verified"));
        }
        if (k.publicOutcome() == null || k.publicOutcome().isBlank()) {
            errors.add(new FieldError("publicOutcome", "is required: the outcome disclosed to the public"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Builder b = ch.b();
        b.close(k.publicOutcome());
        b.internalNote = k.verification();
        ch.extra().put("closedOnTime", b.closedOnTime);
        return k.verification();
    }

    private static String resolve(Command.Resolve r, Change ch) {
        ch.b().close(r.outcome());
        ch.extra().put("closedOnTime", ch.b().closedOnTime);
        ch.extra().put("resolvedBy", r.originEventId());
        return r.outcome();
    }

    private static String acceptReferral(Command.AcceptReferral a, Change ch) {
        EnforcementCase c = ch.c();
        Builder b = ch.b();
        b.agency = c.referralAgency() != null ? c.referralAgency() : c.agency();
        b.lead = c.referralJurisdiction() != null ? c.referralJurisdiction() : c.lead();
        b.assignee = null;
        b.clearReferral();
        ch.extra().put("acceptedBy", b.lead + " " + b.agency);
        return a.note() == null || a.note().isBlank() ? "referral accepted" : a.note();
    }

    private static String refuseReferral(Command.RefuseReferral r, Change ch) {
        require("reason", r.reason());
        EnforcementCase c = ch.c();
        Builder b = ch.b();
        b.status = c.statusBeforeReferral() != null ? c.statusBeforeReferral() : CaseStatus.OPENED;
        ch.extra()
                .put(
                        "refusedBy",
                        (c.referralJurisdiction() == null ? "" : c.referralJurisdiction() + " ")
                                + (c.referralAgency() == null ? "" : c.referralAgency()));
        b.clearReferral();
        return r.reason();
    }

    private String escalate(Command.Escalate e, Change ch) {
        EnforcementCase c = ch.c();
        Builder b = ch.b();
        Instant now = ch.now();
        Map<String, Object> extra = ch.extra();
        List<RoutingTable.EscalationStep> ladder = routing.escalationLadder();
        int level;
        if (e.kind() == null || e.kind().isBlank()) {
            level = c.escalationLevel();
            if (level >= ladder.size()) {
                throw InvalidInput.of("kind", "the case is already at the last escalation step " + c.escalationKind());
            }
        } else {
            level = -1;
            for (int i = 0; i < ladder.size(); i++) {
                if (ladder.get(i).kind().equals(e.kind())) {
                    level = i;
                }
            }
            if (level < 0) {
                throw InvalidInput.of(
                        "kind",
                        "must be one of "
                                + ladder.stream()
                                        .map(RoutingTable.EscalationStep::kind)
                                        .toList());
            }
        }
        RoutingTable.EscalationStep step = ladder.get(level);
        b.escalationLevel = level + 1;
        b.escalationKind = step.kind();
        b.deadline = step.graceDays() == null ? null : now.plus(Duration.ofDays(step.graceDays()));
        extra.put("escalation", step.kind());
        extra.put("escalationZh", step.nameZh());
        return step.nameZh() + " " + step.kind() + (e.note() == null ? "" : ": " + e.note());
    }

    private String refer(Command.Refer r, Change ch) {
        EnforcementCase c = ch.c();
        Builder b = ch.b();
        Map<String, Object> extra = ch.extra();
        List<FieldError> errors = new ArrayList<>();
        if (r.toAgency() == null && r.toJurisdiction() == null) {
            errors.add(new FieldError("toAgency", "name another agency, another unit (toJurisdiction), or both"));
        }
        if (r.toAgency() != null && !Caller.AGENCIES.contains(r.toAgency())) {
            errors.add(new FieldError("toAgency", "must be one of " + new java.util.TreeSet<>(Caller.AGENCIES)));
        }
        if (r.toJurisdiction() != null
                && (jurisdictions.byId(r.toJurisdiction()).isEmpty()
                        || Jurisdictions.PREFECTURE.equals(r.toJurisdiction()))) {
            errors.add(new FieldError("toJurisdiction", "is not a county, zone or Corps unit of the prefecture"));
        }
        boolean same = (r.toAgency() == null || r.toAgency().equals(c.agency()))
                && (r.toJurisdiction() == null || r.toJurisdiction().equals(c.lead()));
        if (errors.isEmpty() && same) {
            errors.add(new FieldError("toJurisdiction", "the case is already with " + c.lead() + " " + c.agency()));
        }
        if (r.reason() == null || r.reason().isBlank()) {
            errors.add(new FieldError("reason", "is required: why the case is handed over"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        b.statusBeforeReferral = c.status();
        b.referralAgency = r.toAgency();
        b.referralJurisdiction = r.toJurisdiction() == null
                ? null
                : jurisdictions.byId(r.toJurisdiction()).orElseThrow().id();
        b.referralReason = r.reason();
        if (r.toAgency() != null) {
            extra.put("toAgency", r.toAgency());
        }
        if (b.referralJurisdiction != null) {
            extra.put("toJurisdiction", b.referralJurisdiction);
        }
        return r.reason();
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.of(field, "is required");
        }
    }

    private static List<String> merge(List<String> old, List<String> added) {
        List<String> all = new ArrayList<>(old);
        if (added != null) {
            added.stream()
                    .filter(e -> e != null && !e.isBlank() && !all.contains(e))
                    .forEach(all::add);
        }
        return List.copyOf(all);
    }

    /** A mutable copy of a case, for building its next version. */
    private static final class Builder {
        final EnforcementCase c;
        final Instant now;
        CaseStatus status;
        String lead;
        String agency;
        CaseStatus statusBeforeReferral;
        String referralAgency;
        String referralJurisdiction;
        String referralReason;
        String assignee;
        Instant inspectionAt;
        String findings;
        List<String> evidence;
        Instant deadline;
        int escalationLevel;
        String escalationKind;
        String publicOutcome;
        String internalNote;
        Instant closedAt;
        Boolean closedOnTime;

        Builder(EnforcementCase c, CaseStatus to, Instant now) {
            this.c = c;
            this.now = now;
            status = to;
            lead = c.lead();
            agency = c.agency();
            statusBeforeReferral = c.statusBeforeReferral();
            referralAgency = c.referralAgency();
            referralJurisdiction = c.referralJurisdiction();
            referralReason = c.referralReason();
            assignee = c.assignee();
            inspectionAt = c.inspectionAt();
            findings = c.findings();
            evidence = c.evidence();
            deadline = c.deadline();
            escalationLevel = c.escalationLevel();
            escalationKind = c.escalationKind();
            publicOutcome = c.publicOutcome();
            internalNote = c.internalNote();
            closedAt = c.closedAt();
            closedOnTime = c.closedOnTime();
        }

        void close(String outcome) {
            closedAt = now;
            closedOnTime = deadline == null || !now.isAfter(deadline);
            publicOutcome = outcome;
        }

        void clearReferral() {
            statusBeforeReferral = null;
            referralAgency = null;
            referralJurisdiction = null;
            referralReason = null;
        }

        EnforcementCase build() {
            return new EnforcementCase(
                    c.id(),
                    c.seq(),
                    c.originEventId(),
                    c.originType(),
                    c.correlationKey(),
                    c.subjectRef(),
                    c.enterpriseId(),
                    c.ruleId(),
                    c.ruleSource(),
                    c.summary(),
                    c.jurisdiction(),
                    c.corpsUnit(),
                    c.notified(),
                    lead,
                    agency,
                    c.severity(),
                    status,
                    statusBeforeReferral,
                    referralAgency,
                    referralJurisdiction,
                    referralReason,
                    assignee,
                    inspectionAt,
                    findings,
                    evidence,
                    deadline,
                    escalationLevel,
                    escalationKind,
                    c.occurrences(),
                    publicOutcome,
                    internalNote,
                    c.openedAt(),
                    closedAt,
                    closedOnTime,
                    now);
        }
    }
}
