package cn.lantian.enforcement;

import static org.awaitility.Awaitility.await;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The whole service against the real PostgreSQL, RabbitMQ and Keycloak, on database lantian_enforcement_test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class EnforcementIntegrationTest {

    /**
     * This run's own consumer group: its queues start empty, so events other suites published since an earlier run
     * never flood this one, and they expire once the run is over.
     */
    protected static final String GROUP =
            "enforcement-test-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    @org.springframework.test.context.DynamicPropertySource
    static void ownQueues(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.findings-in-0.group", () -> GROUP);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected DatabaseClient db;

    @Autowired
    protected RabbitTemplate rabbit;

    /** A client calling the service with the demo user's real token. */
    protected WebTestClient as(DemoIdentity user) {
        return anonymous()
                .mutate()
                .defaultHeader("Authorization", "Bearer " + KeycloakTokens.of(user))
                .build();
    }

    protected WebTestClient anonymous() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(90))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
    }

    /** Publishes a CloudEvent to its domain exchange as another service's relay would. */
    protected void publish(ObjectNode cloudEvent) {
        String type = cloudEvent.get("type").asString();
        MessageProperties props = new MessageProperties();
        props.setContentType("application/cloudevents+json");
        props.setMessageId(cloudEvent.get("id").asString());
        rabbit.send(
                "lantian." + type.split("\\.")[1],
                type,
                new Message(cloudEvent.toString().getBytes(StandardCharsets.UTF_8), props));
    }

    /** The id of the case the event opened, waiting for it to be consumed. */
    protected String awaitCaseOf(String eventId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> caseOf(eventId), id -> id != null);
    }

    protected String caseOf(String eventId) {
        return db.sql("select id from enforcement_case where origin_event_id = :id")
                .bind("id", eventId)
                .map((r, m) -> r.get("id", String.class))
                .one()
                .block();
    }

    protected long casesWithKey(String key) {
        return db.sql("select count(*) from enforcement_case where correlation_key = :k")
                .bind("k", key)
                .map((r, m) -> r.get(0, Long.class))
                .one()
                .block();
    }

    /** The outbox events about a case, in order. */
    protected List<JsonNode> eventsOf(String caseId) {
        return db.sql("select payload from event_outbox where payload like :p order by seq")
                .bind("p", "%" + caseId + "%")
                .map((r, m) -> TestEvents.JSON.readTree(r.get("payload", String.class)))
                .all()
                .collectList()
                .block();
    }

    protected List<String> eventTypesOf(String caseId) {
        return eventsOf(caseId).stream().map(e -> e.get("type").asString()).toList();
    }
}
