package cn.lantian.indexer.config;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Elasticsearch's cluster health as the indexer's {@code elasticsearch} health component; Boot's own indicator needs
 * the 9.x client, which this 8.19 cluster rejects. Red is down; yellow (a single node with unassigned replicas) is up.
 */
@Component("elasticsearch")
class ElasticsearchHealth extends AbstractReactiveHealthIndicator {

    private final ElasticsearchAsyncClient es;

    ElasticsearchHealth(ElasticsearchAsyncClient es) {
        super("Elasticsearch health check failed");
        this.es = es;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.fromFuture(() -> es.cluster().health()).map(health -> {
            builder.withDetail("cluster", health.clusterName())
                    .withDetail("status", health.status().jsonValue())
                    .withDetail("nodes", health.numberOfNodes());
            return (health.status() == HealthStatus.Red ? builder.down() : builder.up()).build();
        });
    }
}
