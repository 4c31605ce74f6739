package cn.lantian.reference;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.reference.Jurisdiction.Kind;
import org.junit.jupiter.api.Test;

class JurisdictionsTests {

    static final Jurisdictions ALL = Jurisdictions.load();

    @Test
    void knowsTheTwelveCountiesTheZoneAndTheCorps() {
        assertThat(ALL.ofKind(Kind.COUNTY))
                .extracting(Jurisdiction::id)
                .containsExactly(
                        "653101", "653121", "653122", "653123", "653124", "653125", "653126", "653127", "653128",
                        "653129", "653130", "653131");
        assertThat(ALL.byId("kedz")).get().extracting(Jurisdiction::hostCounty).isEqualTo("653101");
        assertThat(ALL.byId("653100")).get().extracting(Jurisdiction::kind).isEqualTo(Kind.PREFECTURE);
        assertThat(ALL.ofKind(Kind.CORPS_UNIT))
                .hasSize(16)
                .allSatisfy(u -> assertThat(u.parent()).isEqualTo("xpcc-3"));
        assertThat(ALL.byId("xpcc-3-41")).get().extracting(Jurisdiction::nameZh).isEqualTo("第三师四十一团");
    }

    @Test
    void tumxukIsAnAliasOfTheThirdDivision() {
        assertThat(ALL.byId("659003")).get().extracting(Jurisdiction::id).isEqualTo("xpcc-3");
    }

    @Test
    void everyCountyHasNamesInThreeLanguagesAndACentroidInsideIt() {
        assertThat(ALL.ofKind(Kind.COUNTY)).allSatisfy(c -> {
            assertThat(c.nameZh()).isNotBlank();
            assertThat(c.nameEn()).isNotBlank();
            assertThat(c.nameUg()).isNotBlank();
            assertThat(c.area()).isNotNull();
            assertThat(ALL.locate(c.centroid()[0], c.centroid()[1]))
                    .get()
                    .extracting(Placement::jurisdiction)
                    .isEqualTo(c.id());
        });
    }

    @Test
    void locatesKashgarsCityStationInKashgarCity() {
        Placement p = ALL.locate(75.9538, 39.4682).orElseThrow();
        assertThat(p.jurisdiction()).isEqualTo("653101");
        assertThat(p.joint()).isFalse();
    }

    @Test
    void aPointInTumxukIsJointBetweenBachuAndTheCorps() {
        double[] c = ALL.byId("xpcc-3").orElseThrow().centroid();
        Placement p = ALL.locate(c[0], c[1]).orElseThrow();
        assertThat(p.jurisdiction()).isEqualTo("653130");
        assertThat(p.corpsUnit()).isEqualTo("xpcc-3");
        assertThat(p.joint()).isTrue();
        assertThat(p.visibleTo()).containsExactly("653130", "xpcc-3");
    }

    @Test
    void aPointOutsideThePrefectureLiesNowhere() {
        assertThat(ALL.locate(87.6, 43.8)).isEmpty();
    }

    @Test
    void visibilityFollowsCountyCorpsAndPrefecture() {
        Placement joint = new Placement("653130", "xpcc-3");
        assertThat(ALL.sees("653130", joint)).isTrue();
        assertThat(ALL.sees("xpcc-3", joint)).isTrue();
        assertThat(ALL.sees("653125", joint)).isFalse();
        assertThat(ALL.sees(Jurisdictions.PREFECTURE, joint)).isTrue();
        assertThat(ALL.sees("xpcc-3", new Placement("653127", "xpcc-3-45")))
                .as("division sees its regiments")
                .isTrue();
        assertThat(ALL.sees("xpcc-3-45", new Placement("653130", "xpcc-3")))
                .as("a regiment does not see the division")
                .isFalse();
    }

    @Test
    void findsNeighboursNearABoundary() {
        // Kashgar City's station lies a few kilometres from Shufu's boundary
        assertThat(ALL.boundariesWithin(75.9538, 39.4682, 15)).contains("653121");
        assertThat(ALL.boundariesWithin(75.9538, 39.4682, 0.01)).isEmpty();
    }

    @Test
    void boundariesCarryTheirAttribution() {
        assertThat(ALL.attribution()).contains("OpenStreetMap contributors");
    }

    @Test
    void theNamedEnterprisesLieInTheirCounties() {
        assertThat(NamedEnterprises.load())
                .hasSize(4)
                .allSatisfy(e -> assertThat(ALL.locate(e.location()[0], e.location()[1]))
                        .get()
                        .extracting(Placement::jurisdiction)
                        .isEqualTo(e.county()));
    }

    @Test
    void theBoundingBoxShortcutAnswersAsTheFullDistanceDoes() {
        // A grid over the prefecture and beyond it: inside, near and far from every unit's boundary.
        for (Jurisdiction j : ALL.all()) {
            if (j.area() == null) {
                continue;
            }
            for (double lon = 73.0; lon <= 80.5; lon += 0.25) {
                for (double lat = 35.5; lat <= 41.0; lat += 0.25) {
                    double distance = j.area().distanceToBoundaryKm(lon, lat);
                    for (double km : new double[] {0.5, 5, 30}) {
                        assertThat(j.area().boundaryWithinKm(lon, lat, km))
                                .as("%s at %s,%s within %s km", j.id(), lon, lat, km)
                                .isEqualTo(distance <= km);
                    }
                }
            }
        }
    }

    @Test
    void unitsUnderADivisionAreItsRegimentsWithAliasesAndACountyIsAlone() {
        assertThat(ALL.unitsUnder("xpcc-3"))
                .startsWith("xpcc-3")
                .contains("659003", "xpcc-3-41", "xpcc-3-yecheng2")
                .hasSize(18)
                .doesNotHaveDuplicates()
                .doesNotContain("653130");
        assertThat(ALL.unitsUnder("653125")).containsExactly("653125");
        assertThat(ALL.unitsUnder("xpcc-3-45")).containsExactly("xpcc-3-45");
        assertThat(ALL.unitsUnder("nowhere")).containsExactly("nowhere");
    }

    @Test
    void admitsAPlacementOnlyWhereTheDrawnAreasPutThePoint() {
        double[] tumxuk = {79.161, 39.8694};
        double[] shache = {77.0027, 38.3172};
        double[] maigaiti = {77.90, 39.05};
        assertThat(ALL.admits(new Placement("653130", "xpcc-3"), tumxuk[0], tumxuk[1]))
                .isTrue();
        assertThat(ALL.admits(new Placement("653130", "659003"), tumxuk[0], tumxuk[1]))
                .as("by alias")
                .isTrue();
        assertThat(ALL.admits(new Placement("653125", "xpcc-3"), tumxuk[0], tumxuk[1]))
                .as("another county")
                .isFalse();
        assertThat(ALL.admits(new Placement("653130", null), tumxuk[0], tumxuk[1]))
                .as("Corps land without the Corps")
                .isFalse();
        assertThat(ALL.admits(new Placement("653125", null), shache[0], shache[1]))
                .isTrue();
        assertThat(ALL.admits(new Placement("653125", "xpcc-3"), shache[0], shache[1]))
                .as("a Corps area elsewhere")
                .isFalse();
        assertThat(ALL.admits(new Placement("653127", "xpcc-3-45"), maigaiti[0], maigaiti[1]))
                .as("a regiment without an area in its host county")
                .isTrue();
        assertThat(ALL.admits(new Placement("653125", "xpcc-3-45"), shache[0], shache[1]))
                .as("a regiment outside its host county")
                .isFalse();
        assertThat(ALL.admits(new Placement("653125", null), 0, 0))
                .as("outside the prefecture")
                .isFalse();
    }
}
