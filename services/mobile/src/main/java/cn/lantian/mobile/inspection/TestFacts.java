package cn.lantian.mobile.inspection;

import java.time.Instant;

/**
 * What the fraud signals look at in one test.
 *
 * @param process the second-by-second curve of the method's main quantity, or null
 */
public record TestFacts(
        String id,
        String stationId,
        String plate,
        String vin,
        int grossMassKg,
        String method,
        Instant testedAt,
        boolean passed,
        String obdCalId,
        String obdCvn,
        double[] process) {

    /** The VIN's world manufacturer identifier: vehicles of different makers never share an OBD calibration. */
    String maker() {
        return vin == null || vin.length() < 3 ? "" : vin.substring(0, 3);
    }
}
