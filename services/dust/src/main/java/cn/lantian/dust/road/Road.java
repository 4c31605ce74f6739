package cn.lantian.dust.road;

import cn.lantian.reference.Placement;
import java.math.BigDecimal;

/**
 * A road whose mechanised cleaning is counted against the targets.
 *
 * @param areaKind city-built-up or county-town
 */
record Road(
        String id,
        String name,
        BigDecimal lengthKm,
        String areaKind,
        Double lon,
        Double lat,
        String jurisdiction,
        String corpsUnit) {

    Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }
}
