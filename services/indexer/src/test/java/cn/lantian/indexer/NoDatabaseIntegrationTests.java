package cn.lantian.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.eventing.EventConsumers;
import cn.lantian.testsupport.Infrastructure;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The indexer as it runs in production, without the tests' database: it starts, consumes and has no connection to
 * PostgreSQL. Its own queues (a group per run, expiring) and indices, so that it never takes the platform's events.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.cloud.stream.rabbit.bindings.index-in-0.consumer.expires=600000",
            "spring.cloud.stream.rabbit.bindings.index-in-0.consumer.dlq-expires=600000"
        })
class NoDatabaseIntegrationTests {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    /** This run's own indices and template, removed when the test JVM ends. */
    private static final String INDEX_PREFIX = "lantian-test-" + RUN + "-";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IndexerIntegrationSupport.dropIndices(INDEX_PREFIX)));
    }

    @DynamicPropertySource
    static void ownGroup(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.index-in-0.group", () -> "indexer-test-" + RUN);
        registry.add("lantian.indexer.index-prefix", () -> INDEX_PREFIX);
        // The tests' own virtual host and the generated Elasticsearch user, as every other indexer test has them.
        registry.add("spring.rabbitmq.virtual-host", () -> Infrastructure.RABBITMQ_TEST_VHOST);
        registry.add("lantian.indexer.username", () -> Infrastructure.ELASTICSEARCH_USER);
        registry.add("lantian.indexer.password", () -> Infrastructure.ELASTICSEARCH_PASSWORD);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void startsAndConsumesWithoutAnyDatabase() {
        assertThat(context.getBeansOfType(EventConsumers.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(io.r2dbc.spi.ConnectionFactory.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
        assertThat(context.getBeanNamesForType(cn.lantian.eventing.Outbox.class))
                .isEmpty();
    }
}
