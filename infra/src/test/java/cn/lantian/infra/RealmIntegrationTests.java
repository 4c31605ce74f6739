package cn.lantian.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.Infrastructure;
import cn.lantian.testsupport.KeycloakTokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The realm that the launcher imports gives every demo user and agency client the right claims. */
class RealmIntegrationTests {

    static final JsonNode IDENTITIES = JsonMapper.builder()
            .build()
            .readTree(Path.of("keycloak/demo-identities.json").toFile());

    @ParameterizedTest
    @EnumSource(DemoIdentity.class)
    void everyDemoUserGetsATokenWithTheirJurisdiction(DemoIdentity user) {
        JsonNode claims = KeycloakTokens.claims(KeycloakTokens.of(user));
        assertThat(claims.get("jurisdiction").asString()).isEqualTo(user.jurisdiction());
        assertThat(claims.get("preferred_username").asString()).isEqualTo(user.username());
        assertThat(claims.get("iss").asString()).isEqualTo(Infrastructure.ISSUER);
        assertThat(audience(claims)).contains("lantian");
        assertThat(roles(claims)).containsAll(documentedRoles(user.username()));
    }

    static Stream<JsonNode> clients() {
        List<JsonNode> clients = new ArrayList<>();
        IDENTITIES.get("clients").forEach(clients::add);
        return clients.stream();
    }

    @ParameterizedTest
    @MethodSource("clients")
    void everyAgencySystemGetsTheJurisdictionOfItsClient(JsonNode client) {
        JsonNode claims = KeycloakTokens.claims(
                KeycloakTokens.client(client.get("clientId").asString()));
        assertThat(claims.get("jurisdiction").asString())
                .isEqualTo(client.get("jurisdiction").asString());
        assertThat(roles(claims)).contains(client.get("agency").asString());
        assertThat(claims.get("azp").asString())
                .isEqualTo(client.get("clientId").asString());
    }

    @Test
    void theDocumentedUsersAreExactlyTheTestedOnes() {
        List<String> documented = new ArrayList<>();
        IDENTITIES.get("users").forEach(u -> documented.add(u.get("username").asString()));
        assertThat(documented)
                .containsExactlyInAnyOrderElementsOf(Stream.of(DemoIdentity.values())
                        .map(DemoIdentity::username)
                        .toList());
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> KeycloakTokens.password("eco-shache", "wrong")).hasMessageContaining("invalid_grant");
    }

    private static List<String> documentedRoles(String username) {
        List<String> roles = new ArrayList<>();
        IDENTITIES.get("users").forEach(u -> {
            if (u.get("username").asString().equals(username)) {
                u.get("roles").forEach(r -> roles.add(r.asString()));
            }
        });
        assertThat(roles).as("roles documented for " + username).isNotEmpty();
        return roles;
    }

    private static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asString()));
        return roles;
    }

    private static List<String> audience(JsonNode claims) {
        JsonNode aud = claims.get("aud");
        List<String> list = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> list.add(a.asString()));
        } else {
            list.add(aud.asString());
        }
        return list;
    }
}
