package cn.lantian.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.lantian.contract.EventContract;
import cn.lantian.reference.Placement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared batch consumer with the real broker (dead letters, confirms) and the real database (each event once):
 * batches are handed to it as the binder hands them, with each message's AMQP properties, so that their composition
 * is exact rather than left to the broker's timing.
 */
@SpringBootTest(classes = EventingTestApplication.class, properties = "lantian.eventing.relay.enabled=false")
class BatchConsumerIntegrationTests {

    static final String TYPE = "lantian.stationary.permit-issued.v1";

    @Autowired
    EventConsumers consumers;

    @Autowired
    DatabaseClient db;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    RabbitTemplate rabbit;

    final CloudEventWriter writer = new CloudEventWriter(JsonMapper.builder().build(), "/lantian/test");
    final String run = "eventing-test-" + UUID.randomUUID().toString().substring(0, 8);
    /** The queue the batches pretend to come from; only its dead-letter queue exists, for this run alone. */
    final String queue = "lantian.stationary." + run;

    Queue deadLetterQueue;
    BatchConsumer consumer;

    @BeforeEach
    void deadLetterQueueAndProbeTable() {
        deadLetterQueue =
                QueueBuilder.nonDurable(queue + ".dlq").expires(600_000).build();
        admin.declareQueue(deadLetterQueue);
        admin.declareBinding(BindingBuilder.bind(deadLetterQueue)
                .to(new DirectExchange(EventContract.DEAD_LETTER_EXCHANGE))
                .with(queue));
        db.sql("create table if not exists batch_probe (consumer text not null, event_id text not null)")
                .then()
                .block();
        // The work: one row per event; an event whose permit is "poison" makes the whole transaction fail.
        consumer = consumers.batch(consumers.once(
                run,
                events -> Flux.fromIterable(events)
                        .concatMap(e -> "poison"
                                        .equals(e.data().get("permitNumber").asString())
                                ? Mono.error(new IllegalArgumentException("permit number poison is not handled"))
                                : db.sql("insert into batch_probe (consumer, event_id) values (:c, :id)")
                                        .bind("c", run)
                                        .bind("id", e.id())
                                        .then())
                        .then()));
    }

    @AfterEach
    void dropDeadLetterQueue() {
        admin.deleteQueue(deadLetterQueue.getName());
    }

    @Test
    void aBatchWithOnePoisonMessageDeadLettersOnlyThatOneWithItsReasonAndOrigin() {
        byte[] good1 = event("P-1");
        byte[] poison = event("poison");
        byte[] broken = "{\"specversion\":\"1.0\",\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] good2 = event("P-2");

        consumer.accept(batch(good1, poison, broken, good2));

        assertThat(handled()).containsExactlyInAnyOrder(idOf(good1), idOf(good2));
        List<Message> dead = deadLetters(2);
        Message poisoned = withBody(dead, poison);
        assertThat(poisoned.getMessageProperties().<String>getHeader("x-lantian-reason"))
                .isEqualTo("handling failed: permit number poison is not handled");
        assertThat(poisoned.getMessageProperties().<String>getHeader("x-original-exchange"))
                .isEqualTo("lantian.stationary");
        assertThat(poisoned.getMessageProperties().<String>getHeader("x-original-routingKey"))
                .isEqualTo(TYPE);
        assertThat(poisoned.getMessageProperties().<String>getHeader("x-trace")).isEqualTo("kept");
        assertThat(withBody(dead, broken).getMessageProperties().<String>getHeader("x-lantian-reason"))
                .startsWith("invalid event:")
                .contains("jurisdiction");
        assertThat(rabbit.receive(deadLetterQueue.getName(), 300))
                .as("nothing else dead-lettered")
                .isNull();
    }

    @Test
    void aRedeliveredBatchIsProcessedOnceAndAnIdTwiceInOneBatchCountsOnce() {
        byte[] first = event("P-10");
        byte[] second = event("P-11");
        var batch = batch(first, second, first);

        consumer.accept(batch);
        consumer.accept(batch);

        assertThat(handled()).containsExactlyInAnyOrder(idOf(first), idOf(second));
        assertThat(rabbit.receive(deadLetterQueue.getName(), 300))
                .as("no dead letter")
                .isNull();
    }

    @Test
    void anEventOnAnotherDomainsExchangeIsRefused() {
        byte[] misplaced = event("P-20");
        MessageProperties props = properties("lantian.dust");

        consumer.accept(MessageBuilder.withPayload(List.of(misplaced))
                .setHeader(
                        AmqpInboundChannelAdapter.CONSOLIDATED_HEADERS, List.of(Map.of(BatchHeaders.PROPERTIES, props)))
                .build());

        assertThat(handled()).isEmpty();
        assertThat(deadLetters(1).get(0).getMessageProperties().<String>getHeader("x-lantian-reason"))
                .contains("belongs on exchange lantian.stationary, not lantian.dust");
    }

    @Test
    void aBatchWhoseWorkCannotBeDoneForNowIsNotAcknowledged() {
        BatchConsumer unavailable = consumers.batch(events -> {
            throw new IllegalStateException("cluster unavailable");
        });

        assertThatThrownBy(() -> unavailable.accept(batch(event("P-30")))).hasMessageContaining("cluster unavailable");
        assertThat(rabbit.receive(deadLetterQueue.getName(), 300))
                .as("nothing dead-lettered")
                .isNull();
    }

    private byte[] event(String permit) {
        OutgoingEvent event = OutgoingEvent.of(
                TYPE,
                "permit/" + permit,
                new Placement("653125", null),
                "ecology",
                Map.of("permitNumber", permit, "enterpriseId", "e", "validUntil", "2027-01-01"));
        return writer.write(event).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String idOf(byte[] body) {
        return JsonMapper.builder().build().readTree(body).get("id").asString();
    }

    /** A batch as the binder delivers it: raw bodies, and per message its AMQP properties. */
    private org.springframework.messaging.Message<List<byte[]>> batch(byte[]... bodies) {
        List<Map<String, Object>> headers = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            headers.add(Map.of(BatchHeaders.PROPERTIES, properties("lantian.stationary")));
        }
        return MessageBuilder.withPayload(List.of(bodies))
                .setHeader(AmqpInboundChannelAdapter.CONSOLIDATED_HEADERS, headers)
                .build();
    }

    private MessageProperties properties(String exchange) {
        MessageProperties props = new MessageProperties();
        props.setConsumerQueue(queue);
        props.setReceivedExchange(exchange);
        props.setReceivedRoutingKey(TYPE);
        props.setHeader("x-trace", "kept");
        return props;
    }

    private List<String> handled() {
        return db.sql("select event_id from batch_probe where consumer = :c")
                .bind("c", run)
                .map((r, m) -> r.get(0, String.class))
                .all()
                .collectList()
                .block();
    }

    private List<Message> deadLetters(int expected) {
        List<Message> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Message m = rabbit.receive(deadLetterQueue.getName(), 200);
            if (m != null) {
                found.add(m);
            }
            return found.size() >= expected;
        });
        return found;
    }

    private static Message withBody(List<Message> messages, byte[] body) {
        return messages.stream()
                .filter(m -> java.util.Arrays.equals(m.getBody(), body))
                .findFirst()
                .orElseThrow();
    }
}
