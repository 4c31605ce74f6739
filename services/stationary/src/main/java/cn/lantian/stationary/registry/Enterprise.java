package cn.lantian.stationary.registry;

import cn.lantian.reference.Placement;
import java.time.Instant;

/**
 * An enterprise that holds permits and facilities.
 *
 * @param grade the emergency performance grade A-D, or null if not graded
 * @param ultraLow ultra-low-emission retrofit progress: not-started, started, completed, not-applicable
 */
public record Enterprise(
        String id,
        String creditCode,
        String name,
        String industry,
        String grade,
        String ultraLow,
        Placement placement,
        double lon,
        double lat,
        int version,
        Instant updatedAt,
        String updatedBy) {}
