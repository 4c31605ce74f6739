package cn.lantian.indexer.ingest;

import cn.lantian.eventing.IncomingEvents;
import cn.lantian.indexer.index.BulkIndexer;
import cn.lantian.indexer.index.IndexerProperties;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.MessageListenerContainer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
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

    /**
     * Bounds the time a consumer spends filling one batch: the binder's receive timeout only applies between two
     * messages, so at a steady 1,000 events/s a batch of 1,000 would otherwise wait a second or more to fill.
     */
    @Bean
    ListenerContainerCustomizer<MessageListenerContainer> batchMaxWait(IndexerProperties properties) {
        return (container, destination, group) -> {
            if (container instanceof SimpleMessageListenerContainer simple) {
                simple.setBatchReceiveTimeout(properties.batchMaxWait().toMillis());
            }
        };
    }
}
