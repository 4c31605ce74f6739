package cn.lantian.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.lantian.contract.EventContract;
import cn.lantian.reference.Placement;
import cn.lantian.testsupport.Infrastructure;
import cn.lantian.testsupport.TcpProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = EventingTestApplication.class)
class OutboxIntegrationTests {

    static final TcpProxy BROKER = TcpProxy.to(Infrastructure.RABBITMQ_PORT);
    static final String PERMIT_ISSUED = "lantian.stationary.permit-issued.v1";

    @DynamicPropertySource
    static void brokerBehindProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.port", BROKER::port);
    }

    @Autowired
    Outbox outbox;

    @Autowired
    DatabaseClient db;

    @Autowired
    ReactiveTransactionManager transactions;

    @Autowired
    EventContract contract;

    CachingConnectionFactory direct;
    RabbitTemplate receiver;
    Queue queue;

    @BeforeEach
    void listenOnTheStationaryExchange() {
        BROKER.up();
        direct = new CachingConnectionFactory(Infrastructure.RABBITMQ_HOST, Infrastructure.RABBITMQ_PORT);
        direct.setVirtualHost(Infrastructure.RABBITMQ_TEST_VHOST);
        RabbitAdmin admin = new RabbitAdmin(direct);
        queue = new Queue("test.eventing." + UUID.randomUUID(), false, false, false);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue)
                .to(new TopicExchange("lantian.stationary"))
                .with("#"));
        receiver = new RabbitTemplate(direct);
    }

    @AfterEach
    void closeListener() {
        new RabbitAdmin(direct).deleteQueue(queue.getName());
        direct.destroy();
    }

    @AfterAll
    static void stopProxy() {
        BROKER.close();
    }

    @Test
    void anEventCommittedWithItsWriteIsPublishedWithItsTypeAsRoutingKey() {
        String id = write("committed-" + UUID.randomUUID(), event("P-1")).block();

        Message message = awaitMessage(id);
        JsonNode body = JsonMapper.builder().build().readTree(message.getBody());
        assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo(PERMIT_ISSUED);
        assertThat(message.getMessageProperties().getContentType()).isEqualTo(EventContract.CONTENT_TYPE);
        assertThat(body.get("id").asString()).isEqualTo(id);
        assertThat(contract.violations(body)).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> sentAt(id) != null);
    }

    @Test
    void aRolledBackWriteLeavesNoEvent() {
        String tag = UUID.randomUUID().toString();
        Mono<String> failing = TransactionalOperator.create(transactions)
                .transactional(insert(tag)
                        .then(outbox.append(event("ROLLED-BACK-" + tag)))
                        .then(Mono.error(new IllegalStateException("boom"))));
        assertThatThrownBy(failing::block).hasMessageContaining("boom");
        assertThat(db.sql("select count(*) from demo_write where id = :id")
                        .bind("id", tag)
                        .map(r -> r.get(0, Long.class))
                        .one()
                        .block())
                .isZero();

        // Events are published in commit order, so once a later marker arrives the rolled-back one never will.
        String marker = write("marker-" + tag, event("MARKER-" + tag)).block();
        List<String> seen = receiveUntil(marker);
        assertThat(seen).noneMatch(body -> body.contains("ROLLED-BACK-" + tag));
    }

    @Test
    void whileTheBrokerIsDownEventsWaitAndFlowWhenItReturns() {
        BROKER.down();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(write("down-" + UUID.randomUUID(), event("DOWN-" + i)).block());
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> unsent(ids) == ids.size());

        BROKER.up();
        await().atMost(Duration.ofSeconds(20)).until(() -> unsent(ids) == 0);
        List<String> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Message m = receiver.receive(queue.getName(), 200);
            if (m != null) {
                received.add(JsonMapper.builder()
                        .build()
                        .readTree(m.getBody())
                        .get("id")
                        .asString());
            }
            return received.containsAll(ids);
        });
    }

    @Test
    void anEventThatBreaksTheContractIsRefusedWithItsWrite() {
        String tag = UUID.randomUUID().toString();
        OutgoingEvent broken = OutgoingEvent.of(
                PERMIT_ISSUED, "permit/X", new Placement("653101", null), "ecology", Map.of("enterpriseId", "e-1"));
        assertThatThrownBy(() -> write(tag, broken).block())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permitNumber");
        assertThat(db.sql("select count(*) from demo_write where id = :id")
                        .bind("id", tag)
                        .map(r -> r.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
    }

    @Test
    void aJointPlaceIsSharedWithItsCorpsUnit() {
        String id = write(
                        "joint-" + UUID.randomUUID(),
                        OutgoingEvent.of(
                                PERMIT_ISSUED, "permit/J", new Placement("653130", "xpcc-3"), "ecology", permit("J")))
                .block();
        JsonNode body = JsonMapper.builder().build().readTree(payload(id));
        assertThat(body.get("jurisdiction").asString()).isEqualTo("653130");
        assertThat(body.get("corpsunit").asString()).isEqualTo("xpcc-3");
        assertThat(body.get("sharing").asString()).isEqualTo("joint");
        assertThat(body.get("partners").asString()).isEqualTo("xpcc-3");
    }

    @Test
    void aBatchAppendedInOneStatementKeepsItsOrderAndIsPublished() {
        String tag = UUID.randomUUID().toString();
        List<String> ids = TransactionalOperator.create(transactions)
                .transactional(insert(tag)
                        .then(outbox.appendAll(
                                List.of(event("BULK-1-" + tag), event("BULK-2-" + tag), event("BULK-3-" + tag)))))
                .block();

        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        // The relay publishes by seq, so the rows' seq is the order of publication.
        List<Long> seqs = ids.stream()
                .map(id -> db.sql("select seq from event_outbox where id = :id")
                        .bind("id", id)
                        .map(r -> r.get(0, Long.class))
                        .one()
                        .block())
                .toList();
        assertThat(seqs).isSorted();
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(payload(ids.get(1)))
                        .at("/data/permitNumber")
                        .asString())
                .isEqualTo("BULK-2-" + tag);
        assertThat(contract.violations(JsonMapper.builder().build().readTree(payload(ids.get(1)))))
                .isEmpty();
        List<String> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Message m = receiver.receive(queue.getName(), 200);
            if (m != null) {
                received.add(m.getMessageProperties().getMessageId());
            }
            return received.containsAll(ids);
        });
    }

    @Test
    void aBatchWithOneEventBreakingTheContractAppendsNothing() {
        String tag = UUID.randomUUID().toString();
        OutgoingEvent broken = OutgoingEvent.of(
                PERMIT_ISSUED, "permit/X", new Placement("653101", null), "ecology", Map.of("enterpriseId", "e-1"));
        Mono<List<String>> batch = TransactionalOperator.create(transactions)
                .transactional(insert(tag).then(outbox.appendAll(List.of(event("GOOD-" + tag), broken))));
        assertThatThrownBy(batch::block)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permitNumber");
        assertThat(db.sql("select count(*) from event_outbox where payload like :p")
                        .bind("p", "%GOOD-" + tag + "%")
                        .map(r -> r.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
    }

    @Test
    void aLargeBatchCheckedOnSeveralThreadsNamesItsFirstBrokenEventAndAppendsNothing() {
        String tag = UUID.randomUUID().toString();
        List<OutgoingEvent> events = new ArrayList<>();
        for (int i = 0; i < Outbox.PARALLEL_FROM * 4; i++) {
            events.add(event("LARGE-" + i + "-" + tag));
        }
        // Two broken events far apart: the error names the earlier one, whichever thread checked it.
        events.set(
                70,
                OutgoingEvent.of(
                        PERMIT_ISSUED,
                        "permit/EARLY",
                        new Placement("653101", null),
                        "ecology",
                        Map.of("permitNumber", "EARLY", "enterpriseId", 7, "validUntil", "2028-12-31")));
        events.set(
                200,
                OutgoingEvent.of(
                        PERMIT_ISSUED,
                        "permit/LATE",
                        new Placement("653101", null),
                        "ecology",
                        Map.of("permitNumber", "LATE", "enterpriseId", "ent-kagang", "validUntil", 1)));
        Mono<List<String>> batch = TransactionalOperator.create(transactions)
                .transactional(insert(tag).then(outbox.appendAll(events)));
        assertThatThrownBy(batch::block)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enterpriseId")
                .hasMessageNotContaining("validUntil");
        assertThat(db.sql("select count(*) from event_outbox where payload like :p")
                        .bind("p", "%LARGE-%-" + tag + "%")
                        .map(r -> r.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
    }

    @Test
    void aLargeBatchKeepsItsOrder() {
        String tag = UUID.randomUUID().toString();
        List<OutgoingEvent> events = new ArrayList<>();
        for (int i = 0; i < Math.max(Outbox.PARALLEL_FROM, Outbox.COPY_FROM) * 4; i++) {
            events.add(event("ORDER-" + i + "-" + tag));
        }
        // Large batches go in with COPY: what its text format escapes must come back as it was.
        events.set(7, event("ESCAPED-\\ \t \n \r \\N \"quoted\" 喀什 " + tag));
        // Read back inside the transaction and rolled back, so that nothing is published to later tests' queues.
        List<String> numbers = TransactionalOperator.create(transactions)
                .execute(status -> {
                    status.setRollbackOnly();
                    return insert(tag)
                            .then(outbox.appendAll(events))
                            .flatMapMany(
                                    ids -> db.sql("select payload from event_outbox where id = any(:ids) order by seq")
                                            .bind("ids", ids.toArray(String[]::new))
                                            .map(r -> r.get(0, String.class))
                                            .all());
                })
                .map(payload -> JsonMapper.builder()
                        .build()
                        .readTree(payload)
                        .at("/data/permitNumber")
                        .asString())
                .collectList()
                .block();
        assertThat(numbers)
                .containsExactlyElementsOf(events.stream()
                        .map(e -> ((Map<?, ?>) e.data()).get("permitNumber").toString())
                        .toList());
    }

    private Mono<String> write(String id, OutgoingEvent event) {
        return TransactionalOperator.create(transactions)
                .transactional(insert(id).then(outbox.append(event)));
    }

    private Mono<Long> insert(String id) {
        return db.sql("insert into demo_write (id, note) values (:id, 'x')")
                .bind("id", id)
                .fetch()
                .rowsUpdated();
    }

    private static OutgoingEvent event(String number) {
        return OutgoingEvent.of(
                PERMIT_ISSUED, "permit/" + number, new Placement("653101", null), "ecology", permit(number));
    }

    private static Map<String, Object> permit(String number) {
        return Map.of("permitNumber", number, "enterpriseId", "ent-kagang", "validUntil", "2028-12-31");
    }

    private Message awaitMessage(String id) {
        Message[] holder = new Message[1];
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            Message m = receiver.receive(queue.getName(), 200);
            if (m != null && id.equals(m.getMessageProperties().getMessageId())) {
                holder[0] = m;
            }
            return holder[0] != null;
        });
        return holder[0];
    }

    private List<String> receiveUntil(String id) {
        List<String> bodies = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            Message m = receiver.receive(queue.getName(), 200);
            if (m != null) {
                bodies.add(new String(m.getBody(), StandardCharsets.UTF_8));
            }
            return bodies.stream().anyMatch(b -> b.contains(id));
        });
        return bodies;
    }

    private Object sentAt(String id) {
        return db.sql("select sent_at from event_outbox where id = :id")
                .bind("id", id)
                .map(r -> java.util.Optional.ofNullable(r.get("sent_at")))
                .one()
                .block()
                .orElse(null);
    }

    private long unsent(List<String> ids) {
        return db.sql("select count(*) from event_outbox where sent_at is null and id = any(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }

    private String payload(String id) {
        return db.sql("select payload from event_outbox where id = :id")
                .bind("id", id)
                .map(r -> r.get(0, String.class))
                .one()
                .block();
    }
}
