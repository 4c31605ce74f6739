package cn.lantian.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.contract.EventContract;
import cn.lantian.contract.EventType;
import cn.lantian.testsupport.Infrastructure;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The exchanges the launcher declares carry every domain's events to a bound queue, with confirms. Messages go through
 * the tests' virtual host, where the launcher declares the same topology; the platform's own exchanges are only
 * checked to exist, never published to.
 */
class TopologyIntegrationTests {

    static final EventContract CONTRACT = EventContract.load();
    static CachingConnectionFactory connections;
    static CachingConnectionFactory platform;

    @BeforeAll
    static void connect() {
        connections = new CachingConnectionFactory(Infrastructure.RABBITMQ_HOST, Infrastructure.RABBITMQ_PORT);
        connections.setVirtualHost(Infrastructure.RABBITMQ_TEST_VHOST);
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        platform = new CachingConnectionFactory(Infrastructure.RABBITMQ_HOST, Infrastructure.RABBITMQ_PORT);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
        platform.destroy();
    }

    static java.util.stream.Stream<String> domains() {
        return CONTRACT.domains().stream();
    }

    @ParameterizedTest
    @MethodSource("domains")
    void aMessagePublishedToTheDomainExchangeReachesABoundQueue(String domain) throws Exception {
        RabbitAdmin admin = new RabbitAdmin(connections);
        String exchange = EventContract.exchangeOf(domain);
        // Passive checks: the exchange must already exist (declared by the launcher), not be created by this test.
        assertExists(platform, exchange);
        assertExists(connections, exchange);

        Queue queue = new Queue("test.topology." + domain + "." + UUID.randomUUID(), false, false, false);
        admin.declareQueue(queue);
        try {
            admin.declareBinding(
                    BindingBuilder.bind(queue).to(new TopicExchange(exchange)).with("lantian." + domain + ".#"));
            EventType type = CONTRACT.types().stream()
                    .filter(t -> t.domain().equals(domain))
                    .findFirst()
                    .orElseThrow();
            MessageProperties props = new MessageProperties();
            props.setContentType(EventContract.CONTENT_TYPE);
            RabbitTemplate template = new RabbitTemplate(connections);
            CorrelationData confirm = new CorrelationData(UUID.randomUUID().toString());
            template.send(
                    exchange,
                    type.routingKey(),
                    new Message(CONTRACT.example(type).toString().getBytes(), props),
                    confirm);
            assertThat(confirm.getFuture().get(5, TimeUnit.SECONDS).ack()).isTrue();

            Message[] received = new Message[1];
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> (received[0] = template.receive(queue.getName(), 200)) != null);
            assertThat(received[0].getMessageProperties().getReceivedRoutingKey())
                    .isEqualTo(type.routingKey());
            assertThat(CONTRACT.violations(received[0].getBody())).isEmpty();
        } finally {
            admin.deleteQueue(queue.getName());
        }
    }

    @org.junit.jupiter.api.Test
    void theDeadLetterExchangeExists() throws Exception {
        assertExists(platform, EventContract.DEAD_LETTER_EXCHANGE);
        assertExists(connections, EventContract.DEAD_LETTER_EXCHANGE);
    }

    private static void assertExists(CachingConnectionFactory host, String exchange) throws Exception {
        try (com.rabbitmq.client.Channel channel = host.createConnection().createChannel(false)) {
            channel.exchangeDeclarePassive(exchange);
        }
    }
}
