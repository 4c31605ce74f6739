package cn.lantian.greening.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.web.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class SitingTests {

    private static final Jurisdictions REFERENCE = Jurisdictions.load();
    private final Siting real = new Siting(REFERENCE);

    /** Two drawn counties side by side at 77-78 and 78-79 degrees east. */
    private final Siting synthetic = new Siting(
            REFERENCE,
            List.of(
                    new Siting.Unit("653125", false, null, Boundaries.box(77, 38, 78, 39)),
                    new Siting.Unit("653127", false, null, Boundaries.box(78, 38, 79, 39))));

    @Test
    void theLargerShareDecidesAndBothCountiesAreRecorded() {
        Siting.Site site = synthetic.site("boundary", Boundaries.box(77.9, 38.5, 78.2, 38.6), null);

        assertThat(site.placement()).isEqualTo(new Placement("653127", null));
        assertThat(site.shares()).extracting(Siting.Share::unit).containsExactly("653127", "653125");
        assertThat(site.shares().get(0).share()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(site.shares().get(1).share()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(site.partners()).containsExactly("653125");
    }

    @Test
    void aSmallShareOnTheOtherSideStillDecidesNothing() {
        Siting.Site site = synthetic.site("boundary", Boundaries.box(77.5, 38.5, 78.001, 38.6), null);

        assertThat(site.placement().jurisdiction()).isEqualTo("653125");
        assertThat(site.shares()).extracting(Siting.Share::unit).containsExactly("653125", "653127");
    }

    @Test
    void anEvenSplitGoesToTheLowerCodeEveryTime() {
        Siting.Site site = synthetic.site("boundary", Boundaries.box(77.9, 38.5, 78.1, 38.6), null);

        assertThat(site.placement().jurisdiction()).isEqualTo("653125");
        assertThat(site.shares()).hasSize(2);
    }

    @Test
    void aPolygonMostlyOutsideThePrefectureIsRefused() {
        assertThatThrownBy(() -> synthetic.site("boundary", Boundaries.box(78.8, 38.5, 79.5, 38.6), null))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e ->
                        assertThat(((InvalidInput) e).errors().get(0).field()).isEqualTo("boundary"));
    }

    @Test
    void acrossTheRealShacheMaigaitiBorderTheLargerSideDecides() {
        Siting.Site west = real.site("boundary", Boundaries.box(77.51, 38.64, 77.56, 38.66), null);
        Siting.Site east = real.site("boundary", Boundaries.box(77.53, 38.64, 77.59, 38.66), null);

        assertThat(west.placement().jurisdiction()).isEqualTo("653125");
        assertThat(east.placement().jurisdiction()).isEqualTo("653127");
        assertThat(west.shares()).extracting(Siting.Share::unit).containsExactlyInAnyOrder("653125", "653127");
        assertThat(east.shares()).extracting(Siting.Share::unit).containsExactlyInAnyOrder("653125", "653127");
        assertThat(west.shares().stream().mapToDouble(Siting.Share::share).sum())
                .isCloseTo(1.0, within(1e-6));
        assertThat(west.shares().get(0).share()).isGreaterThan(0.5);
    }

    @Test
    void aPolygonOnCorpsLandIsJointWithItsHostCounty() {
        Siting.Site site = real.site("boundary", Boundaries.box(79.15, 39.86, 79.17, 39.88), null);

        assertThat(site.placement()).isEqualTo(new Placement("653130", "xpcc-3"));
        assertThat(site.placement().joint()).isTrue();
    }

    @Test
    void aDeclaredRegimentIsRecordedWithItsHostCountyAndRefusedElsewhere() {
        Siting.Site site = real.site("boundary", Boundaries.box(78.22, 38.83, 78.24, 38.85), "xpcc-3-45");
        assertThat(site.placement()).isEqualTo(new Placement("653127", "xpcc-3-45"));

        // The 45th Regiment lies in Maigaiti, not in Shache.
        assertThatThrownBy(() -> real.site("boundary", Boundaries.box(77.0, 38.31, 77.02, 38.33), "xpcc-3-45"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> real.site("boundary", Boundaries.box(77.0, 38.31, 77.02, 38.33), "653101"))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void hectaresOfAKnownRectangle() {
        // 0.1 degree of latitude by 0.1 degree of longitude at about 38.55 N.
        double expected = 11.057 * 11.132 * Math.cos(Math.toRadians(38.55)) * 100;
        assertThat(Boundaries.hectares(Boundaries.box(77.0, 38.5, 77.1, 38.6))).isCloseTo(expected, within(0.5));
    }
}
