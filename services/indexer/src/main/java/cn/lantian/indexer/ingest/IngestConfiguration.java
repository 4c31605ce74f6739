package cn.lantian.indexer.ingest;

import cn.lantian.eventing.EventConsumers;
import cn.lantian.indexer.index.BulkIndexer;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Declares the batch consumer that the YAML binds to every domain exchange (binding {@code index-in-0}): the platform's
 * consumer checks each message and dead-letters the bad ones; this service indexes the rest.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    Consumer<Message<List<byte[]>>> index(EventConsumers consumers, BulkIndexer indexer) {
        return consumers.batch(new EventIngest(indexer));
    }
}
