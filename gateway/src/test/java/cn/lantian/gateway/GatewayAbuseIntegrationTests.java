package cn.lantian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Bad input and abuse, with small limits so that they are reached quickly: 413, 400 and 429, each as problem details.
 * Users lease two requests at a time from Redis, so that the per-user limit is also checked across leases.
 */
@TestPropertySource(
        properties = {
            "lantian.gateway.max-body-size=1KB",
            "lantian.gateway.larger-bodies[0].path=/api/dust/v1/readings",
            "lantian.gateway.larger-bodies[0].max=4KB",
            "lantian.gateway.rate-limit.public-requests=5",
            "lantian.gateway.rate-limit.user-requests=5",
            "lantian.gateway.rate-limit.window=30s",
            "lantian.gateway.rate-limit.lease-share=0.4"
        })
class GatewayAbuseIntegrationTests extends GatewayIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @BeforeEach
    void startCountingAfresh() {
        // The other test classes count under the same run's prefix, with larger limits.
        redis.delete(
                        RATE_KEYS + "ip:127.0.0.1",
                        RATE_KEYS + "user:eco-bachu",
                        RATE_KEYS + "user:eco-shache",
                        RATE_KEYS + "user:police-kashgar",
                        RATE_KEYS + "user:corps-officer")
                .block(Duration.ofSeconds(5));
    }

    @Test
    void refusesAJsonBodyOverTheLimitWith413() {
        String big = "{\"note\":\"" + "x".repeat(2000) + "\"}";
        post(big, MediaType.APPLICATION_JSON)
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(413)
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("1024 bytes"));
    }

    @Test
    void refusesAnyBodyOverTheLimitWith413() {
        post("a,b\n".repeat(600), MediaType.parseMediaType("text/csv"))
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void cutsOffAStreamedBodyThatGrowsOverTheLimit() {
        Flux<DataBuffer> chunks = Flux.range(0, 40)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                        "0123456789012345678901234567890123456789012345678901234567890123\n"
                                .getBytes(StandardCharsets.UTF_8)));
        client().post()
                .uri("/api/stationary/v1/readings")
                .headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413);
    }

    @Test
    void relaysAnUploadUpToItsPathsOwnCap() {
        String within = "a,b\n".repeat(750); // 3,000 bytes: over the 1 KB default, within the upload's 4 KB
        upload(within).expectStatus().isOk().expectBody().jsonPath("$.body").isEqualTo(within);
        upload("a,b\n".repeat(1500))
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("4096 bytes"));
    }

    private WebTestClient.ResponseSpec upload(String csv) {
        return client().post()
                .uri("/api/dust/v1/readings")
                .headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange();
    }

    @Test
    void relaysABodyWithinTheLimit() {
        post("{\"note\":\"ok\"}", MediaType.APPLICATION_JSON)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.body")
                .isEqualTo("{\"note\":\"ok\"}");
    }

    @Test
    void refusesMalformedJsonWith400NamingWhere() {
        post("{\"note\": \"unterminated", MediaType.APPLICATION_JSON)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("body")
                .jsonPath("$.errors[0].reason")
                .value(reason -> assertThat(reason.toString()).contains("line 1"))
                .jsonPath("$.trace")
                .doesNotExist();
        post("{\"a\":1} trailing", MediaType.parseMediaType("application/merge-patch+json"))
                .expectStatus()
                .isBadRequest();
        post("[".repeat(501), MediaType.APPLICATION_JSON)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("body");
    }

    @Test
    void limitsPublicRequestsPerClientAddressAndSaysHowManyRemain() {
        for (int i = 0; i < 5; i++) {
            int remaining = 4 - i;
            client().get()
                    .uri("/api/public/v1/aqi/now")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("RateLimit-Limit", "5")
                    .expectHeader()
                    .valueEquals("RateLimit-Remaining", Integer.toString(remaining))
                    .expectHeader()
                    .value(
                            "RateLimit-Reset",
                            reset -> assertThat(Integer.parseInt(reset)).isBetween(1, 30));
        }
        client().get()
                .uri("/api/public/v1/aqi/now")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        after -> assertThat(Integer.parseInt(after)).isBetween(1, 30))
                .expectHeader()
                .valueEquals("RateLimit-Limit", "5")
                .expectHeader()
                .valueEquals("RateLimit-Remaining", "0")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429)
                .jsonPath("$.type")
                .isEqualTo("about:blank")
                .jsonPath("$.instance")
                .isEqualTo("/api/public/v1/aqi/now");
    }

    @Test
    void portalPagesShareThePublicLimitOfTheirAddressButAssetsDoNot() {
        for (int i = 0; i < 3; i++) {
            client().get()
                    .uri("/api/public/v1/aqi/now")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        client().get().uri("/").exchange().expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "1");
        client().get()
                .uri("/counties/653125")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit-Remaining", "0");
        client().get()
                .uri("/targets")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get()
                .uri("/api/public/v1/datasets/stations")
                .exchange()
                .expectStatus()
                .isEqualTo(429);
        client().get()
                .uri("/assets/portal.css")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("RateLimit-Limit");
        // A signed-in user's API calls are counted apart, per user.
        get(KeycloakTokens.of(DemoIdentity.CORPS_OFFICER))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit-Limit", "5");
    }

    @Test
    void limitsEachUserSeparately() {
        String bachu = KeycloakTokens.of(DemoIdentity.ECO_BACHU);
        for (int i = 0; i < 5; i++) {
            get(bachu).expectStatus().isOk();
        }
        get(bachu)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429);
        get(KeycloakTokens.of(DemoIdentity.POLICE_KASHGAR)).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec get(String token) {
        return client().get()
                .uri("/api/mobile/v1/vehicles")
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String body, MediaType type) {
        return client().post()
                .uri("/api/stationary/v1/readings")
                .headers(h -> h.setBearerAuth(token()))
                .contentType(type)
                .bodyValue(body)
                .exchange();
    }

    private static String token() {
        return KeycloakTokens.of(DemoIdentity.ECO_SHACHE);
    }
}
