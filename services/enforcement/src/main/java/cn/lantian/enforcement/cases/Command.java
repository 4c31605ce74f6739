package cn.lantian.enforcement.cases;

import java.time.Instant;
import java.util.List;

/** A request to move a case through its lifecycle; each names its {@link Action}. */
public sealed interface Command {

    Action action();

    /** Give the case to an officer or team. */
    record Assign(String assignee) implements Command {
        public Action action() {
            return Action.ASSIGN;
        }
    }

    /** Schedule the on-site inspection. */
    record ScheduleInspection(Instant at) implements Command {
        public Action action() {
            return Action.SCHEDULE_INSPECTION;
        }
    }

    /** Record what the inspection found, with references to the evidence (photos, records, readings). */
    record RecordInspection(String findings, List<String> evidence) implements Command {
        public Action action() {
            return Action.RECORD_INSPECTION;
        }
    }

    /** Record what a cross-enforcement team found. */
    record CampaignInspection(String campaignId, String team, boolean violation, String findings, List<String> evidence)
            implements Command {
        public Action action() {
            return Action.RECORD_CAMPAIGN_INSPECTION;
        }
    }

    /** Order rectification within a deadline (限期整改). */
    record OrderRectification(Instant deadline, String requirements) implements Command {
        public Action action() {
            return Action.ORDER_RECTIFICATION;
        }
    }

    /**
     * Verify and close.
     *
     * @param verification internal record of how it was verified (never disclosed)
     * @param publicOutcome the outcome disclosed to the public
     */
    record Close(String verification, String publicOutcome) implements Command {
        public Action action() {
            return Action.CLOSE;
        }
    }

    /** Close because the source domain reports the finding resolved. */
    record Resolve(String outcome, String originEventId) implements Command {
        public Action action() {
            return Action.RESOLVE;
        }
    }

    /** Escalate: {@code kind} from the escalation ladder, or null for the next rung. */
    record Escalate(String kind, String note) implements Command {
        public Action action() {
            return Action.ESCALATE;
        }
    }

    /** Refer to another agency and/or another unit (county to Corps and back). */
    record Refer(String toAgency, String toJurisdiction, String reason) implements Command {
        public Action action() {
            return Action.REFER;
        }
    }

    /** The referral's target takes the case. */
    record AcceptReferral(String note) implements Command {
        public Action action() {
            return Action.ACCEPT_REFERRAL;
        }
    }

    /** The referral's target declines; the case returns to where it was. */
    record RefuseReferral(String reason) implements Command {
        public Action action() {
            return Action.REFUSE_REFERRAL;
        }
    }
}
