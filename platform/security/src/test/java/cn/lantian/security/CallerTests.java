package cn.lantian.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTests {

    static final Jurisdictions JURISDICTIONS = Jurisdictions.load();

    static Jwt token(String username, String jurisdiction, String... roles) {
        Jwt.Builder b = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claim("azp", "lantian-cli")
                .claim("realm_access", Map.of("roles", List.of(roles)));
        if (username != null) {
            b.claim("preferred_username", username);
        }
        if (jurisdiction != null) {
            b.claim("jurisdiction", jurisdiction);
        }
        return b.build();
    }

    @Test
    void readsAgencyLevelAndJurisdiction() {
        Caller c = Caller.of(token("eco-shache", "653125", "ecology", "county", "offline_access"));
        assertThat(c).isEqualTo(new Caller("eco-shache", java.util.Set.of("ecology"), "county", "653125", false));
        assertThat(c.isOf("ecology")).isTrue();
        assertThat(c.prefecture()).isFalse();
    }

    @Test
    void anAgencySystemIsNamedByItsClient() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .claim("azp", "agency-housing-shache")
                .claim("preferred_username", "service-account-agency-housing-shache")
                .claim("jurisdiction", "653125")
                .claim("realm_access", Map.of("roles", List.of("housing", "county")))
                .build();
        Caller c = Caller.of(jwt);
        assertThat(c.client()).isTrue();
        assertThat(c.username()).isEqualTo("agency-housing-shache");
        assertThat(c.jurisdiction()).isEqualTo("653125");
    }

    @Test
    void countySeesItsOwnAndJointButNotItsNeighbour() {
        Caller bachu = Caller.of(token("eco-bachu", "653130", "ecology", "county"));
        Caller shache = Caller.of(token("eco-shache", "653125", "ecology", "county"));
        Caller corps = Caller.of(token("corps-officer", "xpcc-3", "ecology", "corps"));
        Caller prefecture = Caller.of(token("coordinator", "653100", "ecology", "prefecture"));
        Placement joint = new Placement("653130", "xpcc-3");
        assertThat(bachu.sees(JURISDICTIONS, joint)).isTrue();
        assertThat(corps.sees(JURISDICTIONS, joint)).isTrue();
        assertThat(prefecture.sees(JURISDICTIONS, joint)).isTrue();
        assertThat(shache.sees(JURISDICTIONS, joint)).isFalse();
        assertThat(shache.sees(JURISDICTIONS, new Placement("653125", null))).isTrue();
    }

    @Test
    void aTokenWithoutJurisdictionSeesNothing() {
        Caller c = Caller.of(token("nobody", null, "ecology", "county"));
        assertThat(c.sees(JURISDICTIONS, new Placement("653125", null))).isFalse();
    }

    @Test
    void mapsRolesAndJurisdictionToAuthorities() {
        List<String> authorities =
                CallerAuthentication.authorities(token("eco-shache", "653125", "ecology", "county")).stream()
                        .map(GrantedAuthority::getAuthority)
                        .toList();
        assertThat(authorities).containsExactlyInAnyOrder("ROLE_ecology", "ROLE_county", "JURISDICTION_653125");
    }

    @Test
    void aCallerCoversTheirUnitAndTheUnitsUnderItAndSeesTheirRecordsByUnit() {
        Caller shache = Caller.of(token("eco-shache", "653125", "ecology", "county"));
        Caller corps = Caller.of(token("corps-officer", "xpcc-3", "ecology", "corps"));
        Caller prefecture = Caller.of(token("coordinator", "653100", "ecology", "prefecture"));
        Caller nobody = Caller.of(token("nobody", null, "ecology", "county"));
        assertThat(shache.covers(JURISDICTIONS, "653125")).isTrue();
        assertThat(shache.covers(JURISDICTIONS, "653101")).isFalse();
        assertThat(corps.covers(JURISDICTIONS, "xpcc-3-45")).isTrue();
        assertThat(corps.covers(JURISDICTIONS, "653130"))
                .as("the host county is not the Corps'")
                .isFalse();
        assertThat(prefecture.covers(JURISDICTIONS, "653101")).isTrue();
        assertThat(nobody.covers(JURISDICTIONS, "653125")).isFalse();

        assertThat(prefecture.unitsSeen(JURISDICTIONS)).as("no restriction").isEmpty();
        assertThat(shache.unitsSeen(JURISDICTIONS)).contains(List.of("653125"));
        assertThat(corps.unitsSeen(JURISDICTIONS))
                .get()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("xpcc-3", "659003", "xpcc-3-41")
                .doesNotContain("653130");
        assertThat(nobody.unitsSeen(JURISDICTIONS)).contains(List.of());
    }
}
