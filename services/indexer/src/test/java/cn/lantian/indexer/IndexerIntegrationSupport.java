package cn.lantian.indexer;

import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.indexer.index.IndexLayout;
import cn.lantian.testsupport.Infrastructure;
import cn.lantian.testsupport.TcpProxy;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * The whole indexer against the real RabbitMQ, PostgreSQL, Elasticsearch and Keycloak. Its RabbitMQ connections (the
 * consumer's and the outbox relay's) go through a {@link TcpProxy}, so that a test can cut them as a broker restart
 * would, without touching the broker other developers share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class IndexerIntegrationSupport {

    protected static final TcpProxy BROKER = TcpProxy.to(Infrastructure.RABBITMQ_PORT);

    /**
     * The consumer group of this test run: its own queues, so that another checkout's tests running at the same time
     * on the shared broker never consume this run's messages (the queues expire when unused).
     */
    protected static final String GROUP =
            "indexer-test-" + UUID.randomUUID().toString().substring(0, 8);

    /** This run's own indices and alias, removed when the test JVM ends: never the demo index, nor another run's. */
    protected static final String INDEX_PREFIX = "lantian-test-" + GROUP.substring("indexer-test-".length()) + "-";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(IndexerIntegrationSupport::dropIndices));
    }

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.port", BROKER::port);
        registry.add("spring.cloud.stream.bindings.index-in-0.group", () -> GROUP);
        registry.add("lantian.indexer.index-prefix", () -> INDEX_PREFIX);
        // The credentials the launcher generated for this checkout, if it started Elasticsearch with security.
        registry.add("lantian.indexer.username", () -> Infrastructure.ELASTICSEARCH_USER);
        registry.add("lantian.indexer.password", () -> Infrastructure.ELASTICSEARCH_PASSWORD);
    }

    private static void dropIndices() {
        dropIndices(INDEX_PREFIX);
    }

    /** Deletes the indices and index templates whose names start with the prefix (a test run's own). */
    public static void dropIndices(String prefix) {
        // By name: Elasticsearch refuses to delete indices by wildcard (action.destructive_requires_name).
        HttpClient http = HttpClient.newHttpClient();
        try {
            String names = http.send(
                            authorized(Infrastructure.ELASTICSEARCH + "/_cat/indices/" + prefix + "*?h=index")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String templates = http.send(
                            authorized(Infrastructure.ELASTICSEARCH + "/_index_template/" + prefix + "*")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            java.util.regex.Matcher template = java.util.regex.Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(templates);
            while (template.find()) {
                if (template.group(1).startsWith(prefix)) {
                    http.send(
                            authorized(Infrastructure.ELASTICSEARCH + "/_index_template/" + template.group(1))
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
            for (String index : names.split("\\s+")) {
                if (index.startsWith(prefix)) {
                    http.send(
                            authorized(Infrastructure.ELASTICSEARCH + "/" + index)
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("could not delete the test indices " + prefix + "*: " + e);
        }
    }

    private static HttpRequest.Builder authorized(String uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
        Infrastructure.elasticsearchAuthorization().ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    /** The dead-letter queue of this run's queue for a domain. */
    protected static String deadLetterQueue(String domain) {
        return "lantian." + domain + "." + GROUP + ".dlq";
    }

    @Autowired
    protected Outbox outbox;

    @Autowired
    protected ElasticsearchClient es;

    @Autowired
    protected IndexLayout layout;

    @Autowired
    private ReactiveTransactionManager transactions;

    @Value("${local.server.port}")
    private int port;

    /** A marker unique to this test run, so that data left by earlier runs never counts. */
    protected static String marker() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    protected WebTestClient http() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    /** Writes the events through the outbox in one transaction, as a service does with its own write. */
    protected List<String> append(List<OutgoingEvent> events) {
        TransactionalOperator tx = TransactionalOperator.create(transactions);
        return tx.transactional(Flux.fromIterable(events).concatMap(outbox::append))
                .collectList()
                .block(Duration.ofSeconds(60));
    }

    /** A fire point, valid against the contract, carrying the marker in its id and subject. */
    protected static OutgoingEvent firePoint(
            String marker,
            String jurisdiction,
            String corpsUnit,
            String sharing,
            List<String> partners,
            double lon,
            double lat) {
        return firePoint(marker, jurisdiction, corpsUnit, sharing, partners, lon, lat, Instant.now());
    }

    /** A fire point as above, at a time of its own. */
    protected static OutgoingEvent firePoint(
            String marker,
            String jurisdiction,
            String corpsUnit,
            String sharing,
            List<String> partners,
            double lon,
            double lat,
            Instant time) {
        String id = marker + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> data = Map.of(
                "firePointId",
                id,
                "location",
                Map.of("lon", lon, "lat", lat),
                "acquiredAt",
                "2024-10-20T07:42:00Z",
                "source",
                "satellite",
                "confidence",
                "n " + marker);
        return new OutgoingEvent(
                "lantian.straw.fire-point-detected.v1",
                "fire-point/" + id,
                jurisdiction,
                corpsUnit,
                "agriculture",
                "major",
                sharing,
                partners,
                time,
                data);
    }

    /** Documents in the joint alias whose full text holds the marker. */
    protected long countIndexed(String marker) {
        try {
            es.indices().refresh(r -> r.index(layout.alias()).ignoreUnavailable(true));
            return es.count(c -> c.index(layout.alias())
                            .ignoreUnavailable(true)
                            .query(q -> q.match(m -> m.field("text").query(marker))))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
