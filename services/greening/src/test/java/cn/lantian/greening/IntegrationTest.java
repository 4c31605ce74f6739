package cn.lantian.greening;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    /**
     * This run's own consumer group: its queues {@code lantian.dust.<group>} and {@code lantian.air-quality.<group>-alerts}
     * start empty, never take the running platform's messages, and expire after the run.
     */
    protected static final String GROUP =
            "greening-test-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void ownQueues(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.idleLand-in-0.group", () -> GROUP);
        registry.add("spring.cloud.stream.bindings.alerts-in-0.group", () -> GROUP + "-alerts");
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

    /** A GeoJSON polygon of the rectangle between the corners. */
    protected static Map<String, Object> box(double lon0, double lat0, double lon1, double lat1) {
        return Map.of(
                "type",
                "Polygon",
                "coordinates",
                List.of(List.of(
                        List.of(lon0, lat0),
                        List.of(lon1, lat0),
                        List.of(lon1, lat1),
                        List.of(lon0, lat1),
                        List.of(lon0, lat0))));
    }

    /** A project body with the given boundary. */
    protected static Map<String, Object> project(String name, Map<String, Object> boundary) {
        return new java.util.HashMap<>(Map.of(
                "name",
                name,
                "programme",
                "three-north",
                "species",
                List.of("梭梭", "胡杨"),
                "plantingSeason",
                "spring",
                "plantingYear",
                java.time.LocalDate.now().getYear(),
                "planned",
                Map.of("value", 150, "unit", "mu"),
                "planted",
                Map.of("value", 6, "unit", "ha"),
                "boundary",
                boundary,
                "forestChief",
                Map.of("county", "县林长", "township", "乡林长")));
    }

    /** Creates a project as the officer and returns its id. */
    protected String createProject(DemoIdentity who, Map<String, Object> boundary) {
        return http.post()
                .uri("/api/greening/v1/projects")
                .header("Authorization", token(who))
                .bodyValue(project(unique("造林"), boundary))
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
