package cn.lantian.mobile.vehicle;

import cn.lantian.reference.Placement;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A registered vehicle as it stands now.
 *
 * @param emissionStage China I to China VI-b, or {@code none} for an electric vehicle
 * @param certifiedOn the date of its type certification or, where unknown, its first registration
 * @param home the county code or Corps unit id it is registered to
 * @param status registered or deregistered
 */
public record Vehicle(
        String id,
        String plate,
        String vin,
        String kind,
        String fuel,
        String emissionStage,
        LocalDate certifiedOn,
        boolean operatingFreight,
        String owner,
        String home,
        String status,
        LocalDate deregisteredOn,
        int version,
        Instant updatedAt,
        String updatedBy,
        @JsonIgnore Placement placement) {

    /** Whether it is still on the road (not deregistered). */
    public boolean registered() {
        return "registered".equals(status);
    }
}
