package cn.lantian.dust;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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

    /**
     * This run's own consumer group: its queues ({@code lantian.dust.readings.<group>}, {@code lantian.greening.<group>},
     * ...) start empty, never take the running platform's messages, and expire once the run is over.
     */
    protected static final String GROUP =
            "dust-test-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void ownQueues(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.readings-in-0.group", () -> GROUP);
        registry.add("spring.cloud.stream.bindings.greening-in-0.group", () -> GROUP);
        registry.add("spring.cloud.stream.bindings.alerts-in-0.group", () -> GROUP);
        registry.add("spring.cloud.stream.bindings.stationHours-in-0.group", () -> GROUP + "-station-hours");
    }

    @LocalServerPort
    protected int port;

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

    /** A valid unified social credit code. */
    protected static final String CREDIT_CODE = "91653125MA78ABCD1N";

    /**
     * Waits until the relay has published (with the broker's confirm) every outbox event about the subject, and
     * returns how many there are.
     */
    protected long awaitPublished(String subject) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> db.sql(
                                        "select count(*) from event_outbox where sent_at is null and payload::jsonb->>'subject' = :s")
                                .bind("s", subject)
                                .map(r -> r.get(0, Long.class))
                                .one()
                                .block()
                        == 0);
        return db.sql("select count(*) from event_outbox where payload::jsonb->>'subject' = :s")
                .bind("s", subject)
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
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
