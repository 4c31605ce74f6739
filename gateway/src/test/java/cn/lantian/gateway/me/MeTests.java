package cn.lantian.gateway.me;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeTests {

    static final Jurisdictions JURISDICTIONS = Jurisdictions.load();

    @Test
    void namesTheCallersJurisdictionFromReferenceData() {
        Me me = Me.of(new Caller("corps-officer", Set.of("ecology"), "corps", "xpcc-3-41", false), JURISDICTIONS);
        assertThat(me.jurisdiction().id()).isEqualTo("xpcc-3-41");
        assertThat(me.jurisdiction().kind()).isEqualTo("corps-unit");
        assertThat(me.jurisdiction().nameZh()).isEqualTo("第三师四十一团");
        assertThat(me.jurisdiction().parent()).isEqualTo("xpcc-3");
    }

    @Test
    void keepsAnUnknownJurisdictionWithoutNames() {
        Me me = Me.of(new Caller("x", Set.of(), "none", "999999", true), JURISDICTIONS);
        assertThat(me.jurisdiction().id()).isEqualTo("999999");
        assertThat(me.jurisdiction().nameZh()).isNull();
        assertThat(me.client()).isTrue();
    }

    @Test
    void listsAgenciesInOrder() {
        Me me = Me.of(new Caller("x", Set.of("housing", "ecology"), "county", null, false), JURISDICTIONS);
        assertThat(me.agencies()).containsExactly("ecology", "housing");
        assertThat(me.jurisdiction()).isNull();
    }
}
