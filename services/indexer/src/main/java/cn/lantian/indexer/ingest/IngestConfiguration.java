package cn.lantian.indexer.ingest;

import cn.lantian.eventing.IncomingEvents;
import cn.lantian.indexer.index.BulkIndexer;
import cn.lantian.indexer.index.IndexerProperties;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Declares the batch consumer that the YAML binds to every domain exchange (binding {@code index-in-0}). */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    Consumer<Message<List<byte[]>>> index(IncomingEvents events, BulkIndexer indexer, RabbitTemplate rabbit,
            IndexerProperties properties) {
        return new EventIngest(events, indexer, new DeadLetters(rabbit, properties.deadLetterTimeout()));
    }
}
