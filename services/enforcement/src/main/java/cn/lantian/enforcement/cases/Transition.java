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
    record Result(EnforcementCase updated, String note, Map<String, Object> extra) {
    }

    private final RoutingTable routing;
    private final Jurisdictions jurisdictions;

    Transition(RoutingTable routing, Jurisdictions jurisdictions) {
        this.routing = routing;
        this.jurisdictions = jurisdictions;
    }

    Result apply(EnforcementCase c, Command command, CaseStatus to, Instant now) {
        Builder b = new Builder(c, to, now);
        Map<String, Object> extra = new LinkedHashMap<>();
        String note;
        if (command instanceof Command.Assign a) {
            require("assignee", a.assignee());
            b.assignee = a.assignee();
            extra.put("assignee", a.assignee());
            note = "assigned to " + a.assignee();
        } else if (command instanceof Command.ScheduleInspection s) {
            if (s.at() == null) {
                throw InvalidInput.of("at", "is required: when the inspection takes place");
            }
            b.inspectionAt = s.at();
            extra.put("inspectionAt", s.at().toString());
            note = "inspection at " + s.at();
        } else if (command instanceof Command.RecordInspection r) {
            require("findings", r.findings());
            b.findings = r.findings();
            b.evidence = merge(c.evidence(), r.evidence());
            extra.put("findings", r.findings());
            extra.put("evidence", b.evidence);
            note = r.findings();
        } else if (command instanceof Command.CampaignInspection r) {
            require("findings", r.findings());
            b.findings = "[cross-enforcement " + r.campaignId() + " by " + r.team() + "] " + r.findings();
            b.evidence = merge(c.evidence(), r.evidence());
            extra.put("findings", b.findings);
            extra.put("evidence", b.evidence);
            extra.put("campaignId", r.campaignId());
            extra.put("inspectingTeam", r.team());
            extra.put("violationConfirmed", r.violation());
            note = b.findings;
        } else if (command instanceof Command.OrderRectification o) {
            List<FieldError> errors = new ArrayList<>();
            if (o.deadline() == null) {
                errors.add(new FieldError("deadline", "is required: the date by which to rectify"));
            } else if (!o.deadline().isAfter(now.plus(CaseWorkflow.NOW_TOLERANCE))) {
                errors.add(new FieldError("deadline", "must lie in the future"));
            }
            if (o.requirements() == null || o.requirements().isBlank()) {
                errors.add(new FieldError("requirements", "is required: what must be rectified"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            b.deadline = o.deadline();
            extra.put("requirements", o.requirements());
            note = "rectify by " + o.deadline() + ": " + o.requirements();
        } else if (command instanceof Command.Close k) {
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
            b.close(k.publicOutcome());
            b.internalNote = k.verification();
            extra.put("closedOnTime", b.closedOnTime);
            note = k.verification();
        } else if (command instanceof Command.Resolve r) {
            b.close(r.outcome());
            extra.put("closedOnTime", b.closedOnTime);
            extra.put("resolvedBy", r.originEventId());
            note = r.outcome();
        } else if (command instanceof Command.Escalate e) {
            note = escalate(c, e, b, now, extra);
        } else if (command instanceof Command.Refer r) {
            note = refer(c, r, b, extra);
        } else if (command instanceof Command.AcceptReferral a) {
            b.agency = c.referralAgency() != null ? c.referralAgency() : c.agency();
            b.lead = c.referralJurisdiction() != null ? c.referralJurisdiction() : c.lead();
            b.assignee = null;
            b.clearReferral();
            extra.put("acceptedBy", b.lead + " " + b.agency);
            note = a.note() == null || a.note().isBlank() ? "referral accepted" : a.note();
        } else if (command instanceof Command.RefuseReferral r) {
            require("reason", r.reason());
            b.status = c.statusBeforeReferral() != null ? c.statusBeforeReferral() : CaseStatus.OPENED;
            extra.put("refusedBy", (c.referralJurisdiction() == null ? "" : c.referralJurisdiction() + " ")
                    + (c.referralAgency() == null ? "" : c.referralAgency()));
            b.clearReferral();
            note = r.reason();
        } else {
            throw new IllegalArgumentException("unknown command " + command);
        }
        return new Result(b.build(), note, extra);
    }

    private String escalate(EnforcementCase c, Command.Escalate e, Builder b, Instant now, Map<String, Object> extra) {
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
                throw InvalidInput.of("kind", "must be one of " + ladder.stream().map(RoutingTable.EscalationStep::kind).toList());
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

    private String refer(EnforcementCase c, Command.Refer r, Builder b, Map<String, Object> extra) {
        List<FieldError> errors = new ArrayList<>();
        if (r.toAgency() == null && r.toJurisdiction() == null) {
            errors.add(new FieldError("toAgency", "name another agency, another unit (toJurisdiction), or both"));
        }
        if (r.toAgency() != null && !Caller.AGENCIES.contains(r.toAgency())) {
            errors.add(new FieldError("toAgency", "must be one of " + new java.util.TreeSet<>(Caller.AGENCIES)));
        }
        if (r.toJurisdiction() != null && (jurisdictions.byId(r.toJurisdiction()).isEmpty()
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
        b.referralJurisdiction = r.toJurisdiction() == null ? null
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
            added.stream().filter(e -> e != null && !e.isBlank() && !all.contains(e)).forEach(all::add);
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
            return new EnforcementCase(c.id(), c.seq(), c.originEventId(), c.originType(), c.correlationKey(),
                    c.subjectRef(), c.enterpriseId(), c.ruleId(), c.ruleSource(), c.summary(), c.jurisdiction(),
                    c.corpsUnit(), c.notified(), lead, agency, c.severity(), status, statusBeforeReferral, referralAgency,
                    referralJurisdiction, referralReason, assignee, inspectionAt, findings, evidence, deadline,
                    escalationLevel, escalationKind, c.occurrences(), publicOutcome, internalNote, c.openedAt(), closedAt,
                    closedOnTime, now);
        }
    }
}
