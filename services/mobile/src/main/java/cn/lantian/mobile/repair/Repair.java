package cn.lantian.mobile.repair;

import java.time.Instant;

/**
 * A repair an M station recorded for a vehicle.
 *
 * @param work what was repaired or replaced
 * @param unit where the M station lies
 */
public record Repair(
        String id, String stationId, String plate, String vehicleId, Instant repairedAt, String work, String unit) {}
