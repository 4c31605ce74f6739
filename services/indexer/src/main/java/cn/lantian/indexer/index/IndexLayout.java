package cn.lantian.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One index per domain ({@code <prefix>events-<domain>}) behind the joint alias {@code <prefix>events}: a domain's
 * index can be rebuilt or dropped alone while searches keep using the alias.
 */
public final class IndexLayout {

    private static final Logger log = LoggerFactory.getLogger(IndexLayout.class);
    private static final String MAPPING = "index/events-index.json";

    private final String prefix;
    private final int replicas;
    private final String refreshInterval;

    public IndexLayout(IndexerProperties properties) {
        this.prefix = properties.indexPrefix();
        this.replicas = properties.replicas();
        this.refreshInterval = properties.refreshInterval();
    }

    /** The joint alias every search reads. */
    public String alias() {
        return prefix + "events";
    }

    /** The index of one domain. */
    public String index(String domain) {
        return prefix + "events-" + domain;
    }

    /** Creates the missing domain indices with the shipped mapping, each joined to the alias. */
    public void ensure(ElasticsearchClient es, Collection<String> domains) throws IOException {
        for (String domain : domains) {
            String name = index(domain);
            if (es.indices().exists(e -> e.index(name)).value()) {
                continue;
            }
            try (InputStream mapping = IndexLayout.class.getClassLoader().getResourceAsStream(MAPPING)) {
                if (mapping == null) {
                    throw new IllegalStateException(MAPPING + " is missing from the classpath");
                }
                es.indices()
                        .create(c -> c.withJson(mapping)
                                .index(name)
                                .settings(s -> s.numberOfShards("1")
                                        .numberOfReplicas(String.valueOf(replicas))
                                        .refreshInterval(t -> t.time(refreshInterval)))
                                .aliases(alias(), a -> a));
                log.info("created index {} behind alias {}", name, alias());
            } catch (ElasticsearchException e) {
                // Another instance created it between our check and our create: that is what we wanted.
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
