package cn.lantian.mobile;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import java.time.Duration;
import java.util.LinkedHashMap;
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

    /**
     * This run's own consumer group: its queue {@code lantian.mobile.readings.<group>} starts empty, never takes the
     * running platform's messages, and expires once the run is over.
     */
    protected static final String GROUP =
            "mobile-test-" + UUID.randomUUID().toString().substring(0, 8);

    /** This run's own consumer group of inspection tests, whose queue is apart from the readings'. */
    protected static final String INSPECTIONS_GROUP = GROUP + "-inspections";

    @DynamicPropertySource
    static void ownQueues(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.readings-in-0.group", () -> GROUP);
        registry.add("spring.cloud.stream.bindings.inspections-in-0.group", () -> INSPECTIONS_GROUP);
        registry.add("spring.cloud.stream.bindings.alerts-in-0.group", () -> GROUP);
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

    /** A random plate that no other test uses. */
    protected static String plate() {
        return "新Q·"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
    }

    /** A random valid VIN. */
    protected static String vin() {
        String chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            b.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
        }
        return b.toString();
    }

    /** A vehicle's registration as a request body. */
    protected static Map<String, Object> vehicle(
            String plate, String kind, String fuel, String stage, String certifiedOn, boolean freight, String home) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("plate", plate);
        v.put("vin", vin());
        v.put("kind", kind);
        v.put("fuel", fuel);
        v.put("emissionStage", stage);
        v.put("certifiedOn", certifiedOn);
        v.put("operatingFreight", freight);
        v.put("owner", "测试运输公司");
        v.put("home", home);
        return v;
    }

    /** Registers a vehicle as the given officer and returns its id. */
    protected String register(DemoIdentity who, Map<String, Object> vehicle) {
        return http.post()
                .uri("/api/mobile/v1/vehicles")
                .header("Authorization", token(who))
                .bodyValue(vehicle)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
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
