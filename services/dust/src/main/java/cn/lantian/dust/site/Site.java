package cn.lantian.dust.site;

import cn.lantian.reference.Placement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A construction site as stored.
 *
 * @param monitorMissingSince when the monitor rule last found it without a monitor, or null
 * @param monitors how many particulate monitors it has
 */
public record Site(
        String id,
        String project,
        String builderName,
        String builderCreditCode,
        BigDecimal areaM2,
        String phase,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        LocalDate actualStart,
        LocalDate actualEnd,
        String address,
        double lon,
        double lat,
        String jurisdiction,
        String corpsUnit,
        String status,
        Instant monitorMissingSince,
        int monitors) {

    /** Where it lies. */
    public Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }
}
