package cn.lantian.indexer.config;

import cn.lantian.contract.EventContract;
import cn.lantian.indexer.index.BulkIndexer;
import cn.lantian.indexer.index.IndexLayout;
import cn.lantian.indexer.index.IndexLifecycle;
import cn.lantian.indexer.index.IndexTemplate;
import cn.lantian.indexer.index.IndexerProperties;
import cn.lantian.indexer.index.LegacyIndices;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch 8.19 client (pinned: Boot 4 manages a 9.x client that an 8.x server rejects), the index template
 * and this month's indices, put before any consumer starts, so that every index a document lands in has the
 * template's mapping, and the lifecycle of the older months.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    RestClientTransport elasticsearchTransport(IndexerProperties properties) {
        HttpHost[] hosts =
                properties.elasticsearch().stream().map(HttpHost::create).toArray(HttpHost[]::new);
        var builder = RestClient.builder(hosts);
        if (!properties.username().isEmpty()) {
            String pair = properties.username() + ":" + properties.password();
            builder.setDefaultHeaders(new Header[] {
                new BasicHeader(
                        HttpHeaders.AUTHORIZATION,
                        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
            });
        }
        RestClient rest = builder.build();
        return new RestClientTransport(rest, new JacksonJsonpMapper());
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClientTransport transport) {
        return new ElasticsearchClient(transport);
    }

    @Bean
    ElasticsearchAsyncClient elasticsearchAsyncClient(RestClientTransport transport) {
        return new ElasticsearchAsyncClient(transport);
    }

    @Bean
    IndexLayout indexLayout(IndexerProperties properties, ElasticsearchClient es, EventContract contract)
            throws IOException {
        IndexLayout layout = new IndexLayout(properties);
        new IndexTemplate(layout, properties).ensure(es, contract.domains());
        try {
            new LegacyIndices(es, layout).migrate(contract.domains());
        } catch (IOException | RuntimeException e) {
            // The old indices stay behind the joint alias and are searchable; the next start tries again.
            org.slf4j.LoggerFactory.getLogger(LegacyIndices.class)
                    .warn("could not move the per-domain indices into monthly ones yet: {}", e.getMessage());
        }
        return layout;
    }

    @Bean
    IndexLifecycle indexLifecycle(ElasticsearchClient es, IndexLayout layout, IndexerProperties properties) {
        return new IndexLifecycle(es, layout, properties.lifecycle(), Clock.systemUTC());
    }

    /** Runs the lifecycle every {@code interval}, the first time a few minutes after start (not during it). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService indexLifecycleSchedule(IndexLifecycle lifecycle, IndexerProperties properties) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "index-lifecycle");
            thread.setDaemon(true);
            return thread;
        });
        IndexerProperties.Lifecycle settings = properties.lifecycle();
        if (settings.enabled()) {
            long interval = settings.interval().toMillis();
            long first = Math.min(interval, Duration.ofMinutes(5).toMillis());
            schedule.scheduleWithFixedDelay(lifecycle::runQuietly, first, interval, TimeUnit.MILLISECONDS);
        }
        return schedule;
    }

    @Bean
    BulkIndexer bulkIndexer(
            ElasticsearchClient es, IndexLayout layout, IndexerProperties properties, MeterRegistry meters) {
        return new BulkIndexer(es, layout, properties.retry(), meters);
    }
}
