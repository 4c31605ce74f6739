package cn.lantian.indexer.config;

import cn.lantian.contract.EventContract;
import cn.lantian.indexer.index.BulkIndexer;
import cn.lantian.indexer.index.IndexLayout;
import cn.lantian.indexer.index.IndexerProperties;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch 8.19 client (pinned: Boot 4 manages a 9.x client that an 8.x server rejects) and the indices,
 * created with their mapping before any consumer starts, so that no document ever lands in an auto-created index.
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
        layout.ensure(es, contract.domains());
        return layout;
    }

    @Bean
    BulkIndexer bulkIndexer(
            ElasticsearchClient es, IndexLayout layout, IndexerProperties properties, MeterRegistry meters) {
        return new BulkIndexer(es, layout, properties.retry(), meters);
    }
}
