package cn.lantian.mobile.repair;

import cn.lantian.reference.Placement;
import java.time.Instant;

/**
 * A counted, passing inspection test of a registered vehicle: what may close the vehicle's repair obligations.
 *
 * @param placement the vehicle's home
 */
public record PassingRetest(
        String vehicleId, String plate, Placement placement, String testId, String stationId, Instant testedAt) {}
