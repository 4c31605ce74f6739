package cn.lantian.enforcement.cases;

/** What can happen to a case, with the contract event each one publishes. */
public enum Action {
    ASSIGN("assign", "lantian.enforcement.case-assigned.v1"),
    SCHEDULE_INSPECTION("schedule-inspection", "lantian.enforcement.inspection-scheduled.v1"),
    RECORD_INSPECTION("record-inspection", "lantian.enforcement.case-inspected.v1"),
    /** An inspection recorded by a cross-enforcement team, which need not wait for the case's own schedule. */
    RECORD_CAMPAIGN_INSPECTION("record-campaign-inspection", "lantian.enforcement.case-inspected.v1"),
    ORDER_RECTIFICATION("order-rectification", "lantian.enforcement.rectification-ordered.v1"),
    CLOSE("close", "lantian.enforcement.case-closed.v1"),
    /** Closed because the source domain reported the finding resolved. */
    RESOLVE("resolve", "lantian.enforcement.case-closed.v1"),
    ESCALATE("escalate", "lantian.enforcement.case-escalated.v1"),
    REFER("refer", "lantian.enforcement.case-referred.v1"),
    ACCEPT_REFERRAL("accept-referral", "lantian.enforcement.referral-accepted.v1"),
    REFUSE_REFERRAL("refuse-referral", "lantian.enforcement.referral-refused.v1");

    private final String wire;
    private final String eventType;

    Action(String wire, String eventType) {
        this.wire = wire;
        this.eventType = eventType;
    }

    public String wire() {
        return wire;
    }

    /** The event type the transition publishes. */
    public String eventType() {
        return eventType;
    }
}
