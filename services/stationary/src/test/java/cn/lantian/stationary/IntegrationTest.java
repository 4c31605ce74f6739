package cn.lantian.stationary;

import cn.lantian.stationary.registry.CreditCode;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Base of the integration tests: the whole service on a random port against the real PostgreSQL, RabbitMQ, Keycloak. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class IntegrationTest {

    /** A point in Shache (653125). */
    protected static final double[] SHACHE = {77.0027, 38.3172};
    /** A point in Kashgar City (653101). */
    protected static final double[] KASHGAR = {76.1771, 39.5215};
    /** A point in Tumxuk (xpcc-3), which lies inside Bachu (653130): joint. */
    protected static final double[] TUMXUK = {79.161, 39.8694};

    /**
     * This run's own consumer group: its queues ({@code lantian.air-quality.<group>},
     * {@code lantian.stationary.readings.<group>-cems}, ...) start empty, never take the running platform's messages,
     * and expire once the run is over.
     */
    protected static final String GROUP =
            "stationary-test-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void ownQueues(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.alerts-in-0.group", () -> GROUP);
        registry.add("spring.cloud.stream.bindings.cems-in-0.group", () -> GROUP + "-cems");
        registry.add("spring.cloud.stream.bindings.electricity-in-0.group", () -> GROUP + "-electricity");
    }

    @LocalServerPort
    int port;

    @Autowired
    protected DatabaseClient db;

    protected WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    protected static String token(DemoIdentity who) {
        return "Bearer " + KeycloakTokens.of(who);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A random unified social credit code with a correct check character. */
    protected static String creditCode() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("91");
        for (int i = 0; i < 15; i++) {
            b.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
        }
        return b.toString() + CreditCode.checkCharacter(b.toString());
    }

    /** Creates an enterprise as the given officer and returns its id. */
    protected String enterprise(DemoIdentity who, double[] at) {
        String id = unique("ent");
        http.post()
                .uri("/api/stationary/v1/enterprises")
                .header("Authorization", token(who))
                .bodyValue(Map.of(
                        "id",
                        id,
                        "creditCode",
                        creditCode(),
                        "name",
                        "测试企业 " + id,
                        "industry",
                        "heating",
                        "grade",
                        "B",
                        "lon",
                        at[0],
                        "lat",
                        at[1]))
                .exchange()
                .expectStatus()
                .isCreated();
        return id;
    }

    /** Creates a facility and returns its id. */
    protected String facility(
            DemoIdentity who, String enterpriseId, String kind, double[] at, Map<String, Object> attributes) {
        String id = unique(kind);
        http.post()
                .uri("/api/stationary/v1/facilities")
                .header("Authorization", token(who))
                .bodyValue(Map.of(
                        "id",
                        id,
                        "kind",
                        kind,
                        "enterpriseId",
                        enterpriseId,
                        "name",
                        kind + " " + id,
                        "lon",
                        at[0],
                        "lat",
                        at[1],
                        "attributes",
                        attributes))
                .exchange()
                .expectStatus()
                .isCreated();
        return id;
    }

    /** The outbox payloads of that type whose subject is the given one. */
    protected List<String> events(String type, String subject) {
        return db.sql(
                        "select payload from event_outbox where type = :t and payload::jsonb->>'subject' = :s order by seq")
                .bind("t", type)
                .bind("s", subject)
                .map(r -> r.get("payload", String.class))
                .all()
                .collectList()
                .block();
    }
}
