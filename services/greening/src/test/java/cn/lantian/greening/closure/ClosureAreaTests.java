package cn.lantian.greening.closure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.greening.geo.Boundaries;
import cn.lantian.greening.rules.Rules;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class ClosureAreaTests {

    private final double minHectares = new Rules().value(Rules.CLOSURE_MIN_AREA) * 100;

    @Test
    void twoPiecesCountOnlyAsTheirLargerOneForTheContiguousMinimum() {
        Geometry west = Boundaries.box(77.20, 38.40, 77.28, 38.50);
        Geometry east = Boundaries.box(77.40, 38.40, 77.48, 38.50);
        Geometry both = west.union(east);

        assertThat(Boundaries.hectares(both)).isGreaterThan(minHectares);
        assertThat(ClosureService.largestPartHectares(both))
                .isLessThan(minHectares)
                .isEqualTo(Math.max(Boundaries.hectares(west), Boundaries.hectares(east)));
        assertThat(ClosureService.largestPartHectares(Boundaries.box(77.20, 38.40, 77.36, 38.50)))
                .isGreaterThan(minHectares);
    }
}
