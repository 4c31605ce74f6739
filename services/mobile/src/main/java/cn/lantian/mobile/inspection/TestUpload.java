package cn.lantian.mobile.inspection;

import java.time.Instant;
import java.util.List;

/**
 * One test as a station uploads it (HJ 1238-2021 data upload, the fields this platform keeps).
 *
 * @param id the station's test report number, unique in the prefecture
 * @param method free-acceleration, lug-down, two-speed-idle, asm or vmas
 * @param result pass or fail, as the station judged
 * @param obdResult pass, fail or not-applicable
 * @param process the second-by-second curve of the method's main quantity, or null
 */
public record TestUpload(
        String id,
        String stationId,
        int lane,
        String plate,
        String vin,
        int grossMassKg,
        String fuel,
        String method,
        Instant testedAt,
        String result,
        List<Measurement> measurements,
        String obdResult,
        String obdCalId,
        String obdCvn,
        double[] process) {

    /** Whether the station judged it a pass. */
    public boolean passed() {
        return "pass".equals(result);
    }
}
