package cn.lantian.straw.firepoint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.straw.rules.StrawRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging at the edges of the configured distance and time (rules/straw-rules.csv). */
class MergerTests {

    static final StrawRules RULES = StrawRules.load();
    static final MergeRule RULE = new MergeRule(RULES.mergeDistanceKm(), RULES.mergeWindow());
    static final Instant T0 = Instant.parse("2026-10-20T05:42:00Z");
    static final double LAT = 38.3172;
    static final double LON = 77.0027;
    /** Degrees of latitude per km (great circle on the mean sphere). */
    static final double DEG_PER_KM = 1 / (Math.PI * 6371.0088 / 180);

    static Detection at(int line, String satellite, double lat, double lon, Instant when) {
        return new Detection(line, lat, lon, when, satellite, "MODIS", "80", 320.0, 5.0, "D", 0);
    }

    static List<Merger.Assignment> merge(Detection... ds) {
        return new Merger(RULE, 40).assign(List.of(ds));
    }

    @Test
    void theRuleIsOneKilometreAndSixHours() {
        assertThat(RULE.distanceKm()).isEqualTo(1.0);
        assertThat(RULE.window()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void detectionsAtTheDistanceLimitAreOneFireAndJustBeyondItTwo() {
        double within = (RULE.distanceKm() - 0.001) * DEG_PER_KM;
        double beyond = (RULE.distanceKm() + 0.001) * DEG_PER_KM;
        assertThat(MergeRule.km(LAT, LON, LAT + within, LON)).isLessThan(RULE.distanceKm());
        assertThat(MergeRule.km(LAT, LON, LAT + beyond, LON)).isGreaterThan(RULE.distanceKm());

        List<Merger.Assignment> near =
                merge(at(2, "Terra", LAT, LON, T0), at(3, "Aqua", LAT + within, LON, T0.plusSeconds(60)));
        assertThat(near.get(1).opened()).isFalse();
        assertThat(near.get(1).incidentId()).isEqualTo(near.get(0).incidentId());

        List<Merger.Assignment> far =
                merge(at(2, "Terra", LAT, LON, T0), at(3, "Aqua", LAT + beyond, LON, T0.plusSeconds(60)));
        assertThat(far).allSatisfy(a -> assertThat(a.opened()).isTrue());
    }

    @Test
    void theDistanceLimitHoldsEastWardAsWellAsNorthWard() {
        double kmPerDegreeLon = MergeRule.km(LAT, LON, LAT, LON + 1);
        List<Merger.Assignment> near =
                merge(at(2, "Terra", LAT, LON, T0), at(3, "N", LAT, LON + 0.999 / kmPerDegreeLon, T0));
        List<Merger.Assignment> far =
                merge(at(2, "Terra", LAT, LON, T0), at(3, "N", LAT, LON + 1.001 / kmPerDegreeLon, T0));
        assertThat(near.get(1).opened()).isFalse();
        assertThat(far.get(1).opened()).isTrue();
    }

    @Test
    void detectionsExactlyTheWindowApartAreOneFireAndAMinuteMoreTwo() {
        List<Merger.Assignment> edge =
                merge(at(2, "Terra", LAT, LON, T0), at(3, "N20", LAT, LON, T0.plus(RULE.window())));
        assertThat(edge.get(1).opened()).isFalse();

        List<Merger.Assignment> late = merge(
                at(2, "Terra", LAT, LON, T0),
                at(3, "N20", LAT, LON, T0.plus(RULE.window()).plusSeconds(60)));
        assertThat(late.get(1).opened()).isTrue();
    }

    @Test
    void aDetectionJoinsAnIncidentStoredBeforeAndTheNearestOfSeveral() {
        Merger merger = new Merger(RULE, 40);
        merger.know(new Merger.Known("fp-old-far", LAT + 0.8 * DEG_PER_KM, LON, T0));
        merger.know(new Merger.Known("fp-old-near", LAT + 0.2 * DEG_PER_KM, LON, T0));
        List<Merger.Assignment> out = merger.assign(List.of(at(2, "Aqua", LAT, LON, T0.plus(Duration.ofHours(3)))));
        assertThat(out.get(0).opened()).isFalse();
        assertThat(out.get(0).incidentId()).isEqualTo("fp-old-near");
    }

    @Test
    void detectionsAreMergedInTimeOrderWhateverTheirOrderInTheFile() {
        List<Merger.Assignment> out =
                merge(at(2, "Aqua", LAT, LON, T0.plus(Duration.ofHours(3))), at(3, "Terra", LAT, LON, T0));
        assertThat(out.get(0).detection().line()).isEqualTo(3);
        assertThat(out.get(0).opened()).isTrue();
        assertThat(out.get(1).opened()).isFalse();
    }

    @Test
    void incidentIdsAreStableAndDatedInChinaStandardTime() {
        Detection d = at(2, "Terra", LAT, LON, Instant.parse("2026-10-20T17:00:00Z"));
        assertThat(Merger.idOf(d))
                .startsWith("fp-20261021-")
                .hasSize("fp-20261021-".length() + 10)
                .isEqualTo(Merger.idOf(at(9, "Terra", LAT, LON, d.acquiredAt())));
    }
}
