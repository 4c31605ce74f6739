package cn.lantian.straw.firepoint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import org.junit.jupiter.api.Test;

/** Placement of fire points through the reference data: on a county border, in a Corps unit, outside the prefecture. */
class PlacementTests {

    static final Jurisdictions JURISDICTIONS = Jurisdictions.load();
    /** A shared edge of Shache (653125) and Zepu (653124) in the reference boundaries. */
    static final double[] A = {77.4662, 38.222187};

    static final double[] B = {77.464743, 38.237686};

    @Test
    void aPointOnTheBorderOfTwoCountiesLiesInExactlyOneOfThem() {
        double lon = (A[0] + B[0]) / 2;
        double lat = (A[1] + B[1]) / 2;
        assertThat(JURISDICTIONS.locate(lon, lat))
                .hasValueSatisfying(p -> assertThat(p.jurisdiction()).isIn("653124", "653125"));
        // A hundred metres either side of the border, each county has its own.
        String west = JURISDICTIONS.locate(lon - 0.0012, lat).orElseThrow().jurisdiction();
        String east = JURISDICTIONS.locate(lon + 0.0012, lat).orElseThrow().jurisdiction();
        assertThat(west).isIn("653124", "653125");
        assertThat(east).isIn("653124", "653125").isNotEqualTo(west);
    }

    @Test
    void aPointInTumxukLiesInBachuAndTheCorpsJointly() {
        Placement p = JURISDICTIONS.locate(79.161, 39.8694).orElseThrow();
        assertThat(p).isEqualTo(new Placement("653130", "xpcc-3"));
        assertThat(p.joint()).isTrue();
    }

    @Test
    void pointsOutsideThePrefectureHaveNoPlacement() {
        assertThat(JURISDICTIONS.locate(80.26, 41.17)).as("Aksu").isEmpty();
        assertThat(JURISDICTIONS.locate(79.92, 37.11)).as("Hotan").isEmpty();
    }
}
