package cn.lantian.straw.firepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MergeRuleTests {

    @Test
    void theCheapBoundsNeverRuleOutAPairWithinTheDistance() {
        Random random = new Random(15);
        double limit = 1.0;
        double haversineBound = MergeRule.haversineBeyond(limit);
        double latBound = MergeRule.maxLatDegrees(limit) * 1.001;
        int near = 0;
        for (int i = 0; i < 200_000; i++) {
            double lat = 36 + random.nextDouble() * 4;
            double lon = 75 + random.nextDouble() * 4;
            double lat2 = lat + (random.nextDouble() - 0.5) * 0.03;
            double lon2 = lon + (random.nextDouble() - 0.5) * 0.03;
            double km = MergeRule.km(lat, lon, lat2, lon2);
            if (km <= limit) {
                near++;
                assertThat(Math.abs(lat2 - lat)).isLessThanOrEqualTo(latBound);
                assertThat(MergeRule.haversine(lat, lon, lat2, lon2)).isLessThanOrEqualTo(haversineBound);
            }
            assertThat(MergeRule.kmOf(MergeRule.haversine(lat, lon, lat2, lon2)))
                    .isEqualTo(km);
        }
        assertThat(near).isGreaterThan(1_000);
    }

    @Test
    void aPairJustBeyondTheDistanceIsRuledOutCheaply() {
        // 1.01 km due east at 39° N.
        double lon2 = 76 + 1.01 / (111.195 * Math.cos(Math.toRadians(39)));
        assertThat(MergeRule.km(39, 76, 39, lon2)).isGreaterThan(1.0);
        assertThat(MergeRule.haversine(39, 76, 39, lon2)).isGreaterThan(MergeRule.haversineBeyond(1.0));
    }
}
