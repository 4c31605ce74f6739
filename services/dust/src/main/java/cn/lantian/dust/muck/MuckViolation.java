package cn.lantian.dust.muck;

import cn.lantian.reference.Placement;
import java.time.Instant;
import java.util.List;

/**
 * A muck truck caught uncovered, unwashed, overloaded, speeding or spilling, with the photos that show it.
 *
 * @param siteId the construction site the load came from, where known
 */
record MuckViolation(
        String id,
        String plate,
        List<String> kinds,
        Instant at,
        String siteId,
        double lon,
        double lat,
        String jurisdiction,
        String corpsUnit,
        List<String> photos) {

    Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }
}
