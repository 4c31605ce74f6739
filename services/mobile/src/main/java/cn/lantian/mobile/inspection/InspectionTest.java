package cn.lantian.mobile.inspection;

import java.time.Instant;
import java.util.List;

/**
 * A stored inspection test.
 *
 * @param counts false for a retest of a failed vehicle without an M-station repair since (the I/M closed loop)
 * @param countsReason why it does not count, or null
 * @param unit where the station lies
 */
public record InspectionTest(
        String id,
        String stationId,
        int lane,
        String plate,
        String vehicleId,
        String vin,
        int grossMassKg,
        String fuel,
        String method,
        Instant testedAt,
        String result,
        List<Measurement> measurements,
        Obd obd,
        boolean counts,
        String countsReason,
        String unit) {

    /** The OBD check: result, calibration id and calibration verification number. */
    public record Obd(String result, String calId, String cvn) {}
}
