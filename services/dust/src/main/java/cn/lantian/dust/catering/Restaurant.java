package cn.lantian.dust.catering;

import cn.lantian.reference.Placement;
import java.math.BigDecimal;

/**
 * Catering premises.
 *
 * @param purifierStatus running, idle, removed or none (never installed)
 */
record Restaurant(
        String id,
        String name,
        String operatorCreditCode,
        String address,
        double lon,
        double lat,
        String jurisdiction,
        String corpsUnit,
        int cookingHeads,
        String sizeClass,
        String purifierModel,
        BigDecimal purifierEfficiency,
        String purifierStatus,
        boolean onlineMonitor) {

    Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }
}
