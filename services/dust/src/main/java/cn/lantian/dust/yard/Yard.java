package cn.lantian.dust.yard;

import cn.lantian.reference.Placement;
import java.util.List;

/**
 * An industrial material yard or concrete plant and the dust controls in place there.
 *
 * @param kind material-yard or concrete-plant
 * @param controls of enclosed, covered, sprinkling, hardened, vehicle-washing, closed-conveying
 */
record Yard(
        String id,
        String kind,
        String name,
        Double lon,
        Double lat,
        String jurisdiction,
        String corpsUnit,
        List<String> controls) {

    Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }
}
