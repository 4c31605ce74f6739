package cn.lantian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The owners' open-data answers relayed with the portal's licence and attribution, a body ETag, public caching and
 * 304s; errors, other methods, large bodies and token-protected routes as the service sent them.
 */
class GatewayOpenDataIntegrationTests extends GatewayIntegrationTest {

    static final String LICENCE_LINK = "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"";
    static final String ATTRIBUTION =
            "Lantian open data, Kashgar Prefecture; maps: OpenStreetMap contributors (ODbL-1.0)";
    static final String BODY = "{\"station\":\"653101-01\",\"aqi\":87}";

    @Autowired
    ReactiveStringRedisTemplate redis;

    @BeforeEach
    void startCountingAfresh() {
        // These tests make more public requests than a client may in a window.
        redis.delete(RATE_KEYS + "ip:127.0.0.1").block(Duration.ofSeconds(5));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/public/v1/aqi/now",
                "/api/public/v1/stations",
                "/api/public/v1/targets/2024",
                "/api/public/v1/alerts/current",
                "/api/public/v1/enterprises/disclosures",
                "/api/public/v1/cases/closed"
            })
    void namesTheLicenceAndTagsEachOwnersAnswer(String path) {
        client().get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.LINK, LICENCE_LINK)
                .expectHeader()
                .valueEquals("X-Attribution", ATTRIBUTION)
                .expectHeader()
                .value(HttpHeaders.ETAG, etag -> assertThat(etag).matches("\"[0-9a-f]{32}\""))
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=60, public")
                .expectHeader()
                .doesNotExist(HttpHeaders.LAST_MODIFIED)
                .expectBody()
                .jsonPath("$.path")
                .isEqualTo(path);
    }

    @Test
    void tagsTheBodyItself() {
        assertThat(etagOf(fixed(BODY)))
                .isEqualTo(sha256Tag(BODY))
                .isEqualTo(etagOf(fixed(BODY)))
                .isNotEqualTo(etagOf(fixed(BODY.replace("87", "88"))));
    }

    @Test
    void answers304ToAMatchingIfNoneMatch() {
        String etag = etagOf(fixed(BODY));
        for (String asked : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            fixed(BODY)
                    .header(HttpHeaders.IF_NONE_MATCH, asked)
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, etag)
                    .expectHeader()
                    .valueEquals(HttpHeaders.LINK, LICENCE_LINK)
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=60, public")
                    .expectBody()
                    .isEmpty();
        }
        fixed(BODY)
                .header(HttpHeaders.IF_NONE_MATCH, "\"other\"")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(BODY);
    }

    @Test
    void keepsTheOwnersLastModifiedAndAnswers304ToIfModifiedSince() {
        String modified = "Sun, 29 Nov 2026 08:00:00 GMT";
        fixed(BODY)
                .header("X-Stand-In-Last-Modified", modified)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.LAST_MODIFIED, modified);
        fixed(BODY)
                .header("X-Stand-In-Last-Modified", modified)
                .header(HttpHeaders.IF_MODIFIED_SINCE, modified)
                .exchange()
                .expectStatus()
                .isNotModified();
        fixed(BODY)
                .header("X-Stand-In-Last-Modified", modified)
                .header(HttpHeaders.IF_MODIFIED_SINCE, "Sun, 29 Nov 2026 07:59:59 GMT")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void tagsASmallChunkedAnswer() {
        fixed(BODY)
                .header("X-Stand-In-Chunked", "yes")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, sha256Tag(BODY))
                .expectBody(String.class)
                .isEqualTo(BODY);
    }

    @ParameterizedTest(name = "chunked: {0}")
    @ValueSource(booleans = {false, true})
    void streamsAnAnswerAboveTheLimitUntagged(boolean chunked) {
        String big = "[" + "\"0123456789\",".repeat(250) + "\"end\"]";
        WebTestClient.RequestHeadersSpec<?> request = fixed(big);
        if (chunked) {
            request.header("X-Stand-In-Chunked", "yes");
        }
        request.exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.ETAG)
                .expectHeader()
                .valueEquals(HttpHeaders.LINK, LICENCE_LINK)
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=60, public")
                .expectBody(String.class)
                .isEqualTo(big);
    }

    @Test
    void streamsServerSentEventsUntagged() {
        // One unterminated event: a header cannot carry the blank line that ends one, and the gateway does not care.
        String events = "data: " + BODY;
        client().get()
                .uri("/api/public/v1/aqi/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .header("X-Stand-In-Body", events)
                .header("X-Stand-In-Content-Type", "text/event-stream")
                .header("X-Stand-In-Chunked", "yes")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.ETAG)
                .expectHeader()
                .valueEquals(HttpHeaders.LINK, LICENCE_LINK)
                .expectBody(String.class)
                .isEqualTo(events);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 404, 500, 503})
    void relaysAnOwnersProblemDetailsUnchangedAndUntagged(int status) {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Bad\",\"status\":" + status
                + ",\"detail\":\"bbox needs four numbers\",\"instance\":\"/api/public/v1/stations\"}";
        client().get()
                .uri("/api/public/v1/stations?bbox=1")
                .header("X-Stand-In-Status", Integer.toString(status))
                .header("X-Stand-In-Body", problem)
                .header("X-Stand-In-Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .header(HttpHeaders.IF_NONE_MATCH, "*")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.valueOf(status))
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .doesNotExist(HttpHeaders.ETAG)
                .expectHeader()
                .valueEquals(HttpHeaders.LINK, LICENCE_LINK)
                .expectHeader()
                .value(HttpHeaders.CACHE_CONTROL, c -> assertThat(c).doesNotContain("public"))
                .expectBody(String.class)
                .isEqualTo(problem);
    }

    @Test
    void leavesOtherMethodsUntagged() {
        client().post()
                .uri("/api/public/v1/alerts/subscriptions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"county\":\"653101\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.ETAG)
                .expectHeader()
                .valueEquals(HttpHeaders.LINK, LICENCE_LINK)
                .expectHeader()
                .value(HttpHeaders.CACHE_CONTROL, c -> assertThat(c).doesNotContain("public"))
                .expectBody()
                .jsonPath("$.method")
                .isEqualTo("POST");
    }

    @Test
    void leavesTokenProtectedAndPortalAnswersAsTheyCame() {
        String token = KeycloakTokens.of(DemoIdentity.ECO_SHACHE);
        client().get()
                .uri("/api/air-quality/v1/stations")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.ETAG)
                .expectHeader()
                .doesNotExist(HttpHeaders.LINK)
                .expectHeader()
                .doesNotExist("X-Attribution")
                .expectHeader()
                .value(HttpHeaders.CACHE_CONTROL, c -> assertThat(c).doesNotContain("public"));
        // The portal names the licence on its own answers; the gateway adds nothing on its routes.
        client().get()
                .uri("/api/public/v1/downloads/pm25.csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.ETAG)
                .expectHeader()
                .doesNotExist("X-Attribution");
    }

    private WebTestClient.RequestHeadersSpec<?> fixed(String body) {
        return client().get().uri("/api/public/v1/aqi/now").header("X-Stand-In-Body", body);
    }

    private static String etagOf(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
    }

    private static String sha256Tag(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
