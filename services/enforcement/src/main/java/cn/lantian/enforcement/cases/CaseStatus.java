package cn.lantian.enforcement.cases;

import java.util.Arrays;

/** Where a case stands; the wire names are the contract's {@code status} values. */
public enum CaseStatus {
    OPENED("opened"),
    ASSIGNED("assigned"),
    INSPECTION_SCHEDULED("inspection-scheduled"),
    INSPECTED("inspected"),
    RECTIFICATION_ORDERED("rectification-ordered"),
    CLOSED("closed"),
    ESCALATED("escalated"),
    REFERRED("referred");

    private final String wire;

    CaseStatus(String wire) {
        this.wire = wire;
    }

    /** The name used in the API, the database and events. */
    public String wire() {
        return wire;
    }

    /** The status with that wire name. */
    public static CaseStatus of(String wire) {
        return Arrays.stream(values())
                .filter(s -> s.wire.equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown case status " + wire));
    }
}
