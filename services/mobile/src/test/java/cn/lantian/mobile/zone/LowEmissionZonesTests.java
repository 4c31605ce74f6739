package cn.lantian.mobile.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.reference.Jurisdictions;
import org.junit.jupiter.api.Test;

/** The shipped zones: one per county seat and Tumxuk, each inside its county, sourced and marked unconfirmed. */
class LowEmissionZonesTests {

    private static final Jurisdictions JURISDICTIONS = Jurisdictions.load();
    private final LowEmissionZones zones = new LowEmissionZones(JURISDICTIONS);

    @Test
    void everyCountyAndTumxukHasAZoneMarkedUnconfirmedWithItsSource() {
        assertThat(zones.all())
                .extracting(Zone::county)
                .containsExactlyInAnyOrder(
                        "653101", "653121", "653122", "653123", "653124", "653125", "653126", "653127", "653128",
                        "653129", "653130", "653131", "xpcc-3");
        assertThat(zones.all()).allSatisfy(z -> {
            assertThat(z.status()).isEqualTo("unconfirmed");
            assertThat(z.source()).isNotBlank();
        });
    }

    @Test
    void aPointOnTheBoundaryIsInsideAndOneJustOutsideIsNot() {
        Zone kashgar = zones.all().get(0);
        assertThat(zones.at(kashgar.west(), kashgar.south())).contains(kashgar);
        assertThat(zones.at(kashgar.east(), kashgar.north())).contains(kashgar);
        assertThat(zones.at(Math.nextDown(kashgar.west()), kashgar.south())).isEmpty();
        assertThat(zones.at(kashgar.east(), Math.nextUp(kashgar.north()))).isEmpty();
    }

    @Test
    void aZoneReachingIntoAnotherCountyIsRefusedAtLoad() {
        // Shule's seat box moved north-west reaches into Kashgar city.
        String csv = "id,county,name_zh,name_en,min_stage,west,south,east,north,status,source\n"
                + "lez-x,653122,x,x,China III,75.96,39.44,76.02,39.50,unconfirmed,test\n";
        assertThatThrownBy(() -> new LowEmissionZones(JURISDICTIONS, csv))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reaches outside 653122");
    }
}
