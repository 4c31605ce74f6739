package cn.lantian.mobile.repair;

import cn.lantian.reference.Placement;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * An emission maintenance (M) station: a repair shop entitled to repair vehicles that failed an emission test.
 *
 * @param unit the county code or Corps unit id it lies in
 */
public record RepairStation(
        String id,
        String name,
        String licence,
        String unit,
        Instant updatedAt,
        String updatedBy,
        @JsonIgnore Placement placement) {}
