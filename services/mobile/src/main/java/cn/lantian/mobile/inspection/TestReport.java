package cn.lantian.mobile.inspection;

import java.util.List;

/**
 * What an upload of tests did: every valid row stored, every invalid row listed with why; nothing dropped silently.
 *
 * @param rows rows read
 * @param stored ids of the tests stored now
 * @param alreadyStored ids stored by an earlier upload, taken again without effect
 * @param notCounted stored tests that do not count as retests (the I/M closed loop), with why
 * @param findings fraud findings raised by this upload
 * @param obligationsClosed repair obligations closed by passing retests after an M-station repair
 */
public record TestReport(
        int rows,
        List<String> stored,
        List<String> alreadyStored,
        List<NotCounted> notCounted,
        List<RowError> rejected,
        int findings,
        int obligationsClosed) {

    /** A stored test that does not count, and why. */
    public record NotCounted(String id, String reason) {}
}
