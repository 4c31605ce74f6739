package cn.lantian.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.contract.EventContract;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: every authenticated write and every read across jurisdictions leaves a
 * {@code lantian.audit.access-recorded.v1} event in the outbox before the answer leaves, and the relay publishes it
 * to exchange {@code lantian.audit}.
 */
class GatewayAuditIntegrationTests extends GatewayIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DatabaseClient db;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    EventContract contract;

    @Test
    void recordsAnAllowedWriteWithWhoWhatWhereAndOutcome() {
        String id = send("POST", "/api/stationary/v1/permits?jurisdiction=653101", DemoIdentity.ECO_KASHGAR, 200, null);
        JsonNode event = recorded(id).orElseThrow();
        assertThat(contract.violations(event)).isEmpty();
        assertThat(event.get("type").asString()).isEqualTo("lantian.audit.access-recorded.v1");
        assertThat(event.get("jurisdiction").asString()).isEqualTo("653101");
        assertThat(event.get("agency").asString()).isEqualTo("ecology");
        JsonNode data = event.get("data");
        assertThat(data.get("principal").asString()).isEqualTo("eco-kashgar");
        assertThat(data.get("agencies").get(0).asString()).isEqualTo("ecology");
        assertThat(data.get("level").asString()).isEqualTo("county");
        assertThat(data.get("callerJurisdiction").asString()).isEqualTo("653101");
        assertThat(data.get("action").asString()).isEqualTo("POST");
        assertThat(data.get("resource").asString()).isEqualTo("/api/stationary/v1/permits");
        assertThat(data.get("targetJurisdiction").asString()).isEqualTo("653101");
        assertThat(data.get("outcome").asString()).isEqualTo("allowed");
        assertThat(data.get("status").asInt()).isEqualTo(200);
        assertThat(data.get("at").asString()).isNotBlank();
    }

    @Test
    void recordsAWriteTheGatewayRefused() {
        String id = send("POST", "/api/stationary/v1/permits?jurisdiction=653125", DemoIdentity.ECO_KASHGAR, 403, null);
        JsonNode data = recorded(id).orElseThrow().get("data");
        assertThat(data.get("outcome").asString()).isEqualTo("denied");
        assertThat(data.get("targetJurisdiction").asString()).isEqualTo("653125");
    }

    @Test
    void recordsAWriteTheServiceRefusedOrFailed() {
        String refused = send("DELETE", "/api/dust/v1/sites/7", DemoIdentity.HOUSING_SHACHE, 403, "403");
        assertThat(recorded(refused).orElseThrow().at("/data/outcome").asString())
                .isEqualTo("denied");
        String failed = send("PUT", "/api/dust/v1/sites/7", DemoIdentity.HOUSING_SHACHE, 500, "500");
        assertThat(recorded(failed).orElseThrow().at("/data/outcome").asString())
                .isEqualTo("failed");
    }

    @Test
    void recordsReadsAcrossJurisdictionsOnly() {
        String foreign = send("GET", "/api/search/v1/events?jurisdiction=653125", DemoIdentity.ECO_KASHGAR, 200, null);
        JsonNode event = recorded(foreign).orElseThrow();
        assertThat(event.get("jurisdiction").asString()).isEqualTo("653125");
        assertThat(event.at("/data/callerJurisdiction").asString()).isEqualTo("653101");
        String regiment =
                send("GET", "/api/search/v1/events?jurisdiction=xpcc-3-41", DemoIdentity.CORPS_OFFICER, 200, null);
        assertThat(recorded(regiment))
                .as("a regiment under the officer's own division")
                .isEmpty();
        String prefecture = send("GET", "/api/search/v1/events", DemoIdentity.COORDINATOR, 200, null);
        assertThat(recorded(prefecture).orElseThrow().at("/data/level").asString())
                .isEqualTo("prefecture");
        String own = send("GET", "/api/search/v1/events?jurisdiction=653101", DemoIdentity.ECO_KASHGAR, 200, null);
        assertThat(recorded(own)).isEmpty();
        String unnamed = send("GET", "/api/search/v1/events", DemoIdentity.ECO_SHACHE, 200, null);
        assertThat(recorded(unnamed)).isEmpty();
    }

    @Test
    void recordsNothingForAnonymousPublicReads() {
        String id = UUID.randomUUID().toString();
        client().get()
                .uri("/api/public/v1/aqi/now")
                .header("X-Request-Id", id)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(recorded(id)).isEmpty();
    }

    @Test
    void publishesEachRecordToTheAuditExchange() {
        RabbitAdmin admin = new RabbitAdmin(rabbit);
        // A plain queue, deleted below: AnonymousQueue adds a locator argument that RabbitMQ 3.10 refuses, and an
        // exclusive one vanishes whenever the cached connection is replaced.
        Queue queue = new Queue("gateway-audit-test-" + UUID.randomUUID(), false, false, false);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue)
                .to(new TopicExchange("lantian.audit"))
                .with("lantian.audit.#"));
        try {
            String id = send(
                    "PATCH", "/api/stationary/v1/permits/3?jurisdiction=xpcc-3", DemoIdentity.CORPS_OFFICER, 200, null);
            // Other requests may be audited meanwhile: read until this request's record arrives.
            Message[] ours = new Message[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Message message = rabbit.receive(queue.getName(), 1000);
                if (message != null
                        && id.equals(JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8))
                                .at("/data/requestId")
                                .asString())) {
                    ours[0] = message;
                }
                return ours[0] != null;
            });
            JsonNode event = JSON.readTree(new String(ours[0].getBody(), StandardCharsets.UTF_8));
            assertThat(event.get("jurisdiction").asString()).isEqualTo("xpcc-3");
            assertThat(ours[0].getMessageProperties().getReceivedRoutingKey())
                    .isEqualTo("lantian.audit.access-recorded.v1");
        } finally {
            admin.deleteQueue(queue.getName());
        }
    }

    private String send(String method, String uri, DemoIdentity user, int status, String standInStatus) {
        String id = UUID.randomUUID().toString();
        var request = client().method(HttpMethod.valueOf(method))
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + KeycloakTokens.of(user))
                .header("X-Request-Id", id)
                .headers(h -> {
                    if (standInStatus != null) {
                        h.set("X-Stand-In-Status", standInStatus);
                    }
                });
        if (!"GET".equals(method)) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        request.exchange().expectStatus().isEqualTo(status);
        return id;
    }

    /** The audit event of that request, read from the outbox: it is there as soon as the answer has arrived. */
    private java.util.Optional<JsonNode> recorded(String requestId) {
        List<String> payloads = db.sql("select payload from event_outbox where type = :type and payload like :id")
                .bind("type", "lantian.audit.access-recorded.v1")
                .bind("id", "%\"requestId\":\"" + requestId + "\"%")
                .map(row -> row.get("payload", String.class))
                .all()
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(payloads).hasSizeLessThanOrEqualTo(1);
        return payloads.stream().findFirst().map(JSON::readTree);
    }
}
