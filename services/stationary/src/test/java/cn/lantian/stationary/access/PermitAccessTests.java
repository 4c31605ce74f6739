package cn.lantian.stationary.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.web.Forbidden;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermitAccessTests {

    private final PermitAccess policy = new PermitAccess(Jurisdictions.load());
    private final Placement shache = new Placement("653125", null);
    private final Placement tumxuk = new Placement("653130", "xpcc-3");

    private static Caller caller(String agency, String level, String jurisdiction) {
        return new Caller("u", Set.of(agency), level, jurisdiction, false);
    }

    @Test
    void ecologyWritesOnlyInsideItsJurisdictionAndThePrefectureEverywhere() {
        policy.checkWrite(caller("ecology", "county", "653125"), shache);
        policy.checkWrite(caller("ecology", "prefecture", "653100"), shache);
        assertThatThrownBy(() -> policy.checkWrite(caller("ecology", "county", "653101"), shache))
                .isInstanceOf(Forbidden.class)
                .hasMessageContaining("outside your jurisdiction");
        assertThatThrownBy(() -> policy.checkWrite(caller("housing", "county", "653125"), shache))
                .isInstanceOf(Forbidden.class)
                .hasMessageContaining("ecology");
    }

    @Test
    void jointPlaceIsSeenByTheHostCountyAndTheCorps() {
        assertThat(policy.mayRead(caller("ecology", "county", "653130"), tumxuk))
                .isTrue();
        assertThat(policy.mayRead(caller("ecology", "corps", "xpcc-3"), tumxuk)).isTrue();
        assertThat(policy.mayRead(caller("ecology", "county", "653125"), tumxuk))
                .isFalse();
    }

    @Test
    void visibleUnitsOfTheDivisionIncludeItsRegimentsAndThePrefectureSeesAll() {
        assertThat(policy.visibleUnits(caller("ecology", "prefecture", "653100")))
                .isNull();
        assertThat(policy.visibleUnits(caller("ecology", "county", "653125"))).containsExactly("653125");
        assertThat(policy.visibleUnits(caller("ecology", "corps", "xpcc-3"))).contains("xpcc-3", "xpcc-3-41");
    }
}
