package cn.lantian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.Infrastructure;
import cn.lantian.testsupport.KeycloakTokens;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Keycloak tokens of every demo user and agency client against the gateway: who they are (/api/me), what the
 * gateway relays and what it refuses, across the counties Kashgar City (653101), Shache (653125), Bachu (653130) and
 * the Corps' 3rd Division (xpcc-3) with one of its regiments (xpcc-3-41).
 */
class GatewayAccessIntegrationTests extends GatewayIntegrationTest {

    static final Jurisdictions JURISDICTIONS = Jurisdictions.load();

    // ---------------------------------------------------------------- who am I

    static Stream<Arguments> everyDemoUser() {
        return Stream.of(
                Arguments.of(DemoIdentity.COORDINATOR, List.of("ecology"), "prefecture", "喀什地区"),
                Arguments.of(DemoIdentity.ECO_KASHGAR, List.of("ecology"), "county", "喀什市"),
                Arguments.of(DemoIdentity.ECO_SHACHE, List.of("ecology"), "county", "莎车县"),
                Arguments.of(DemoIdentity.ECO_BACHU, List.of("ecology"), "county", "巴楚县"),
                Arguments.of(DemoIdentity.CORPS_OFFICER, List.of("ecology"), "corps", "新疆生产建设兵团第三师（图木舒克市）"),
                Arguments.of(DemoIdentity.POLICE_KASHGAR, List.of("traffic-police"), "county", "喀什市"),
                Arguments.of(DemoIdentity.HOUSING_SHACHE, List.of("housing"), "county", "莎车县"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDemoUser")
    void tellsEachDemoUserWhoTheyAre(DemoIdentity user, List<String> agencies, String level, String nameZh) {
        JsonNode me = me(KeycloakTokens.of(user));
        assertThat(me.get("username").asString()).isEqualTo(user.username());
        assertThat(me.get("client").asBoolean()).isFalse();
        assertThat(me.get("agencies").valueStream().map(JsonNode::asString).toList())
                .isEqualTo(agencies);
        assertThat(me.get("level").asString()).isEqualTo(level);
        assertThat(me.at("/jurisdiction/id").asString()).isEqualTo(user.jurisdiction());
        assertThat(me.at("/jurisdiction/nameZh").asString()).isEqualTo(nameZh);
        assertThat(me.at("/jurisdiction/nameEn").asString())
                .isEqualTo(JURISDICTIONS.byId(user.jurisdiction()).orElseThrow().nameEn())
                .isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "agency-ecology, ecology, prefecture, 653100",
        "agency-traffic-police-kashgar, traffic-police, county, 653101",
        "agency-housing-shache, housing, county, 653125",
        "agency-corps-ecology, ecology, corps, xpcc-3"
    })
    void tellsAnAgencyClientItGetsItsClientsJurisdiction(
            String clientId, String agency, String level, String jurisdiction) {
        JsonNode me = me(KeycloakTokens.client(clientId));
        assertThat(me.get("username").asString()).isEqualTo(clientId);
        assertThat(me.get("client").asBoolean()).isTrue();
        assertThat(me.get("agencies").valueStream().map(JsonNode::asString).toList())
                .containsExactly(agency);
        assertThat(me.get("level").asString()).isEqualTo(level);
        assertThat(me.at("/jurisdiction/id").asString()).isEqualTo(jurisdiction);
        assertThat(me.at("/jurisdiction/nameZh").asString()).isNotBlank();
    }

    private JsonNode me(String token) {
        return client().get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    // ---------------------------------------------------------------- tokens the gateway refuses

    @Test
    void refusesARequestWithoutAToken() {
        expectUnauthorized(null);
    }

    @Test
    void refusesAGarbledToken() {
        expectUnauthorized("not-a-jwt");
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        // The claims of a real token, even its key id, signed with a key Keycloak never had.
        String real = KeycloakTokens.of(DemoIdentity.COORDINATOR);
        SignedJWT original = SignedJWT.parse(real);
        RSAKey ours =
                new RSAKeyGenerator(2048).keyID(original.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(ours.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                original.getJWTClaimsSet());
        forged.sign(new RSASSASigner(ours));
        expectUnauthorized(forged.serialize());
    }

    @Test
    void refusesAnExpiredTokenSignedByAnotherKey() throws Exception {
        RSAKey ours = new RSAKeyGenerator(2048).keyID("lantian-test").generate();
        SignedJWT expired = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ours.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .issuer(Infrastructure.ISSUER)
                        .audience("lantian")
                        .subject("eco-kashgar")
                        .claim("preferred_username", "eco-kashgar")
                        .claim("jurisdiction", "653101")
                        .claim("realm_access", Map.of("roles", List.of("ecology", "county")))
                        .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(1800)))
                        .build());
        expired.sign(new RSASSASigner(ours));
        expectUnauthorized(expired.serialize());
    }

    @Test
    void refusesATokenOfAnotherRealm() throws Exception {
        String master = masterRealmToken();
        assertThat(KeycloakTokens.claims(master).get("iss").asString()).endsWith("/realms/master");
        expectUnauthorized(master);
    }

    @Test
    void refusesATamperedToken() {
        // A real token whose claims were edited to claim the prefecture: the signature no longer matches.
        String[] parts = KeycloakTokens.of(DemoIdentity.ECO_SHACHE).split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("653125", "653100");
        String tampered = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        expectUnauthorized(tampered);
    }

    private void expectUnauthorized(String token) {
        var request = client().get().uri("/api/stationary/v1/permits");
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        request.exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer"))
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.instance")
                .isEqualTo("/api/stationary/v1/permits")
                .jsonPath("$.trace")
                .doesNotExist();
        client().get()
                .uri("/api/me")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private static String masterRealmToken() throws Exception {
        String form = Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        "admin",
                        "password",
                        Infrastructure.KEYCLOAK_ADMIN_PASSWORD)
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b)
                .orElseThrow();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        Infrastructure.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder()
                .build()
                .readTree(response.body())
                .get("access_token")
                .asString();
    }

    // ---------------------------------------------------------------- what each may read and write

    /**
     * Who may write where, per route: the expected outcome of a POST naming a jurisdiction. 200 = relayed to the
     * service (which checks again), 403 = refused by the gateway.
     */
    static Stream<Arguments> writes() {
        return Stream.of(
                // the prefecture writes in every county and Corps unit
                write("coordinator", "/api/stationary/v1/permits", "653101", 200),
                write("coordinator", "/api/stationary/v1/permits", "653125", 200),
                write("coordinator", "/api/stationary/v1/permits", "xpcc-3", 200),
                // a county writes only in its own county
                write("eco-kashgar", "/api/stationary/v1/permits", "653101", 200),
                write("eco-kashgar", "/api/stationary/v1/permits", "653125", 403),
                write("eco-kashgar", "/api/stationary/v1/permits", "xpcc-3", 403),
                write("eco-shache", "/api/stationary/v1/permits", "653125", 200),
                write("eco-shache", "/api/stationary/v1/permits", "653101", 403),
                write("eco-shache", "/api/air-quality/v1/readings", "653130", 403),
                write("eco-bachu", "/api/stationary/v1/permits", "653130", 200),
                write("eco-bachu", "/api/stationary/v1/permits", "xpcc-3", 403),
                write("eco-bachu", "/api/stationary/v1/permits", "xpcc-3-41", 403),
                // the Corps writes in its division and the regiments under it, not in the county around them
                write("corps-officer", "/api/stationary/v1/permits", "xpcc-3", 200),
                write("corps-officer", "/api/stationary/v1/permits", "xpcc-3-41", 200),
                write("corps-officer", "/api/stationary/v1/permits", "653130", 403),
                // an agency writes only on its own domains
                write("police-kashgar", "/api/mobile/v1/vehicles", "653101", 200),
                write("police-kashgar", "/api/mobile/v1/vehicles", "653125", 403),
                write("police-kashgar", "/api/stationary/v1/permits", "653101", 403),
                write("police-kashgar", "/api/dust/v1/sites", "653101", 403),
                write("housing-shache", "/api/dust/v1/sites", "653125", 200),
                write("housing-shache", "/api/dust/v1/sites", "653101", 403),
                write("housing-shache", "/api/stationary/v1/permits", "653125", 403),
                write("housing-shache", "/api/mobile/v1/vehicles", "653125", 403),
                // agency systems by client credentials act in their client's jurisdiction
                write("client:agency-ecology", "/api/stationary/v1/permits", "653125", 200),
                write("client:agency-corps-ecology", "/api/stationary/v1/permits", "xpcc-3-41", 200),
                write("client:agency-corps-ecology", "/api/stationary/v1/permits", "653130", 403),
                write("client:agency-traffic-police-kashgar", "/api/mobile/v1/vehicles", "653101", 200),
                write("client:agency-traffic-police-kashgar", "/api/stationary/v1/permits", "653101", 403),
                write("client:agency-housing-shache", "/api/dust/v1/sites", "653125", 200),
                write("client:agency-housing-shache", "/api/dust/v1/sites", "653101", 403));
    }

    private static Arguments write(String who, String path, String jurisdiction, int status) {
        return Arguments.of(who, path, jurisdiction, status);
    }

    @ParameterizedTest(name = "{0} POST {1} in {2}: {3}")
    @MethodSource("writes")
    void relaysOrRefusesEachWrite(String who, String path, String jurisdiction, int status) {
        String token = token(who);
        var response = client().post()
                .uri(path + "?jurisdiction=" + jurisdiction)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"boiler 7\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(status);
        if (status == 200) {
            JsonNode echo = response.expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(echo.get("authorization").asString()).isEqualTo("Bearer " + token);
            assertThat(echo.get("body").asString()).isEqualTo("{\"name\":\"boiler 7\"}");
        } else {
            response.expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(403)
                    .jsonPath("$.detail")
                    .isNotEmpty();
        }
    }

    static Stream<Arguments> reads() {
        return Stream.of(
                        "coordinator",
                        "eco-kashgar",
                        "eco-shache",
                        "eco-bachu",
                        "corps-officer",
                        "police-kashgar",
                        "housing-shache",
                        "client:agency-ecology",
                        "client:agency-corps-ecology")
                .flatMap(who -> Stream.of("653101", "653125", "xpcc-3").map(j -> Arguments.of(who, j)));
    }

    /** Reads are relayed for every caller; the service filters the records by the caller's jurisdiction. */
    @ParameterizedTest(name = "{0} reads {1}")
    @MethodSource("reads")
    void relaysEveryReadWithTheTokenForTheServiceToFilter(String who, String jurisdiction) {
        String token = token(who);
        JsonNode echo = client().get()
                .uri("/api/search/v1/events?jurisdiction=" + jurisdiction)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(echo.get("authorization").asString()).isEqualTo("Bearer " + token);
        assertThat(echo.get("query").asString()).isEqualTo("jurisdiction=" + jurisdiction);
    }

    @Test
    void relaysTheServicesOwnRefusal() {
        client().get()
                .uri("/api/stationary/v1/permits/9")
                .header("X-Stand-In-Status", "403")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + KeycloakTokens.of(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    static String token(String who) {
        if (who.startsWith("client:")) {
            return KeycloakTokens.client(who.substring("client:".length()));
        }
        return KeycloakTokens.password(who, DemoIdentity.PASSWORD);
    }
}
