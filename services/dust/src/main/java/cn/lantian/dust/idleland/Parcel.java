package cn.lantian.dust.idleland;

import cn.lantian.reference.Placement;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An idle or bare parcel.
 *
 * @param status idle, tasked (a task is open), greened, paved, covered, or in-use (work started)
 */
record Parcel(
        String id,
        BigDecimal areaM2,
        LocalDate idleSince,
        String address,
        double lon,
        double lat,
        String jurisdiction,
        String corpsUnit,
        String status) {

    Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }
}
