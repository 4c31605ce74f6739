package cn.lantian.portal;

import java.util.UUID;
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

    /**
     * This run's own consumer group, so that two test runs on one broker (two checkouts, or CI beside a developer) never
     * take each other's events or delete each other's queues: {@code lantian.air-quality.<group>} and its dead letters.
     */
    protected static final String GROUP =
            "portal-it-" + UUID.randomUUID().toString().substring(0, 8);

    static {
        // This run's queues go with the test JVM (the cached contexts close on shutdown too); should the JVM be killed,
        // they expire on their own (application-it.yaml).
        Runtime.getRuntime().addShutdownHook(new Thread(PortalTest::forgetQueues));
    }

    private static void forgetQueues() {
        var factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost("lantian-test"); // the tests' virtual host, as in application-it.yaml
        try (var connection = factory.newConnection();
                var channel = connection.createChannel()) {
            channel.queueDelete("lantian.air-quality." + GROUP);
            channel.queueDelete("lantian.air-quality." + GROUP + ".dlq");
            for (String domain : new String[] {"stationary", "mobile", "dust", "straw", "greening"}) {
                channel.queueDelete("lantian." + domain + "." + GROUP);
                channel.queueDelete("lantian." + domain + "." + GROUP + ".dlq");
            }
        } catch (Exception e) {
            System.err.println("could not delete the test queues: " + e);
        }
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.airQualityEvents-in-0.group", () -> GROUP);
        registry.add("spring.cloud.stream.bindings.alertMeasures-in-0.group", () -> GROUP);
        registry.add("lantian.portal.upstream.air-quality", () -> UPSTREAM.uri().toString());
        registry.add("lantian.portal.upstream.stationary", () -> UPSTREAM.uri().toString());
        registry.add("lantian.portal.upstream.enforcement", () -> UPSTREAM.uri().toString());
        registry.add("lantian.portal.upstream.dust", () -> UPSTREAM.uri().toString());
        registry.add("lantian.portal.upstream.straw", () -> UPSTREAM.uri().toString());
        registry.add("lantian.portal.upstream.greening", () -> UPSTREAM.uri().toString());
        registry.add("lantian.portal.upstream.mobile", () -> UPSTREAM.uri().toString());
    }
}
