package cn.lantian.straw.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.eventing.OutboxRelay;
import cn.lantian.eventing.RelayForTests;
import cn.lantian.straw.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox relays every event type this service raises, with confirms. The service's own relay is off in tests;
 * the test database's unsent rows are turned to a per-run exchange and relayed by hand, so that a running platform's
 * consumers of lantian.straw never see test events.
 */
class OutboxPublishingIntegrationTests extends IntegrationTest {

    static final List<String> TYPES = List.of(
            "lantian.straw.fire-point-detected.v1",
            "lantian.straw.fire-point-handled.v1",
            "lantian.straw.burning-confirmed.v1",
            "lantian.straw.emergency-measures-activated.v1");

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    TransactionalOperator tx;

    @Test
    void everyEventTypeIsPublishedWithItsTypeAsRoutingKey() {
        String id = JsonMapper.builder()
                .build()
                .readTree(http.post()
                        .uri("/api/straw/v1/fire-points")
                        .header("Authorization", token(DemoIdentity.AGRI_PREFECTURE))
                        .contentType(MediaType.parseMediaType("text/csv"))
                        .bodyValue(MODIS + modis(BACHU, "Terra", "0900"))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .at("/incidents/0")
                .asString();
        http.post()
                .uri("/api/straw/v1/incidents/{id}/verification", id)
                .header("Authorization", token(DemoIdentity.AGRI_PREFECTURE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of("verdict", "burning-confirmed", "material", "rubbish", "verifiedAt", day + "T10:00:00Z"))
                .exchange()
                .expectStatus()
                .isOk();
        String alertId = "alert-653129-test-" + UUID.randomUUID().toString().substring(0, 8);
        sendAlert(rabbit, "lantian.air-quality.alert-issued.v1", alertId, "653129", "yellow", day + "T00:00:00+08:00");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !events("lantian.straw.emergency-measures-activated.v1", "alert/" + alertId)
                        .isEmpty());

        String exchange = "straw-test-events-" + UUID.randomUUID().toString().substring(0, 8);
        RabbitAdmin admin = new RabbitAdmin(rabbit.getConnectionFactory());
        TopicExchange own = new TopicExchange(exchange, false, true);
        admin.declareExchange(own);
        String queue = exchange + "-all";
        admin.declareQueue(new Queue(queue, false, false, false, Map.of("x-expires", 600000)));
        admin.declareBinding(BindingBuilder.bind(new Queue(queue)).to(own).with("#"));
        db.sql("update event_outbox set exchange = :e where sent_at is null")
                .bind("e", exchange)
                .fetch()
                .rowsUpdated()
                .block();

        OutboxRelay relay = RelayForTests.of(db, tx, rabbit);
        Set<String> seen = new HashSet<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            relay.relayOnce().block();
            for (Message m = rabbit.receive(queue, 200); m != null; m = rabbit.receive(queue, 50)) {
                String body = new String(m.getBody(), StandardCharsets.UTF_8);
                if (body.contains(id) || body.contains(alertId)) {
                    seen.add(m.getMessageProperties().getReceivedRoutingKey());
                }
            }
            return seen.containsAll(TYPES);
        });
        assertThat(seen).containsExactlyInAnyOrderElementsOf(TYPES);
        sendAlert(
                rabbit,
                "lantian.air-quality.alert-lifted.v1",
                alertId,
                "653129",
                "yellow",
                day.plusDays(1) + "T00:00:00+08:00");
        admin.deleteQueue(queue);
        admin.deleteExchange(exchange);
    }
}
