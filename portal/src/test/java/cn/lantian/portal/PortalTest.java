package cn.lantian.portal;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the portal's integration tests: the real portal on a random port, its upstreams pointed at one
 * {@link UpstreamStub} (a real HTTP server with recorded-shape JSON), the real RabbitMQ for live events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class PortalTest {

    protected static final UpstreamStub UPSTREAM = UpstreamStub.start();

    static {
        // The test consumer's queues go with the test JVM (the cached contexts close on shutdown too).
        Runtime.getRuntime().addShutdownHook(new Thread(PortalTest::forgetQueues));
    }

    private static void forgetQueues() {
        var factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost("lantian-test"); // the tests' virtual host, as in application-it.yaml
        try (var connection = factory.newConnection();
                var channel = connection.createChannel()) {
            channel.queueDelete("lantian.air-quality.portal-it");
            channel.queueDelete("lantian.air-quality.portal-it.dlq");
        } catch (Exception e) {
            System.err.println("could not delete the test queues: " + e);
        }
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("lantian.portal.upstream.air-quality", () -> UPSTREAM.uri().toString());
        registry.add("lantian.portal.upstream.stationary", () -> UPSTREAM.uri().toString());
        registry.add("lantian.portal.upstream.enforcement", () -> UPSTREAM.uri().toString());
        registry.add("lantian.portal.upstream.straw", () -> UPSTREAM.uri().toString());
    }
}
