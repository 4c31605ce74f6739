package cn.lantian.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisibilityTests {

    private static final Jurisdictions JURISDICTIONS = Jurisdictions.load();

    @Test
    void prefectureIsNotRestricted() {
        assertThat(Visibility.of(caller("prefecture", "653100"), JURISDICTIONS)).isEmpty();
    }

    @Test
    void countyOfficerSeesOnlyTheirCounty() {
        assertThat(Visibility.of(caller("county", "653125"), JURISDICTIONS)).contains(Set.of("653125"));
    }

    @Test
    void corpsOfficerSeesTheirDivisionAndItsUnits() {
        Set<String> visible =
                Visibility.of(caller("corps", "xpcc-3"), JURISDICTIONS).orElseThrow();
        assertThat(visible)
                .contains("xpcc-3", "659003", "xpcc-3-41", "xpcc-3-49", "xpcc-3-tuoyun")
                .doesNotContain("653130", "653125");
    }

    @Test
    void callerWithoutAKnownJurisdictionSeesNothing() {
        assertThat(Visibility.of(caller("county", null), JURISDICTIONS)).contains(Set.of());
        assertThat(Visibility.of(caller("county", "999999"), JURISDICTIONS)).contains(Set.of());
    }

    private static Caller caller(String level, String jurisdiction) {
        return new Caller("someone", Set.of("ecology"), level, jurisdiction, false);
    }
}
