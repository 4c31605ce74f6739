package cn.lantian.portal.upstream;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An enterprise's disclosure as stationary publishes it ({@code GET /api/public/v1/enterprises/{id}}, example in the
 * event contract's {@code public-api/stationary-enterprise.example.json}).
 *
 * @param county the county the enterprise is registered in
 * @param corpsUnit the Corps unit, when it is one
 * @param ultraLow ultra-low-emission retrofit progress: not-started, started, completed or not-applicable
 * @param permits discharge permits, newest validity first
 * @param exceedances hourly values above the permit limit in the owner's recent window, newest first
 */
public record Enterprise(
        String id,
        String name,
        String industry,
        String county,
        String corpsUnit,
        String ultraLow,
        List<Permit> permits,
        List<Exceedance> exceedances) {

    /** A discharge permit; status valid, revoked or expired. */
    public record Permit(String number, LocalDate validFrom, LocalDate validUntil, String status) {}

    /**
     * An hour whose value (corrected to reference oxygen, mg/m³) was above the permit limit.
     *
     * @param ratio value divided by limit
     * @param escalated whether the exceedance persisted long enough to be escalated
     */
    public record Exceedance(
            String outletCode,
            String pollutant,
            Instant hour,
            Double value,
            Double limit,
            Double ratio,
            boolean escalated) {}
}
