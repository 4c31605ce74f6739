package cn.lantian.eventing;

import cn.lantian.contract.EventContract;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.MessageListenerContainer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.ConsumerEndpointCustomizer;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the outbox, its relay, incoming-event parsing, the batch consumers with their dead letters, consumer
 * deduplication and the AMQP topology.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
            "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration"
        })
@EnableConfigurationProperties(EventingProperties.class)
public class EventingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventContract eventContract() {
        return EventContract.load();
    }

    @Bean
    @ConditionalOnMissingBean
    IncomingEvents incomingEvents(EventContract contract) {
        return new IncomingEvents(contract, JsonMapper.builder().build());
    }

    /** The domain exchanges and the dead-letter exchange, declared by every service as well as by the launcher. */
    @Bean
    Declarables lantianExchanges(EventContract contract) {
        List<Declarable> exchanges = new ArrayList<>();
        contract.domains().forEach(d -> exchanges.add(new TopicExchange(EventContract.exchangeOf(d), true, false)));
        exchanges.add(new DirectExchange(EventContract.DEAD_LETTER_EXCHANGE, true, false));
        return new Declarables(exchanges);
    }

    @Bean
    @ConditionalOnBean(DatabaseClient.class)
    @ConditionalOnMissingBean
    Outbox outbox(DatabaseClient db, EventContract contract, EventingProperties properties, Environment env) {
        String source = properties.source() != null
                ? properties.source()
                : "/lantian/" + env.getProperty("spring.application.name", "service");
        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
        return new Outbox(db, contract, new CloudEventWriter(json, source));
    }

    @Bean
    @ConditionalOnBean(DatabaseClient.class)
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(DatabaseClient db) {
        return new ProcessedEvents(db);
    }

    @Bean
    @ConditionalOnBean({DatabaseClient.class, RabbitTemplate.class, ReactiveTransactionManager.class})
    @ConditionalOnProperty(name = "lantian.eventing.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(
            DatabaseClient db,
            ReactiveTransactionManager transactions,
            RabbitTemplate rabbit,
            EventingProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(
                db,
                TransactionalOperator.create(transactions),
                rabbit,
                properties.relay(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnBean(RabbitTemplate.class)
    @ConditionalOnMissingBean
    EventConsumers eventConsumers(
            IncomingEvents events,
            RabbitTemplate rabbit,
            EventingProperties properties,
            ObjectProvider<ProcessedEvents> processed,
            ObjectProvider<ReactiveTransactionManager> transactions) {
        ReactiveTransactionManager manager = transactions.getIfAvailable();
        return new EventConsumers(
                events,
                new DeadLetters(rabbit, properties.consumer().deadLetterTimeout()),
                processed.getIfAvailable(),
                manager == null ? null : TransactionalOperator.create(manager),
                properties.consumer().handlingTimeout());
    }

    /** How the binder delivers batches: bounded collection time, and each message's AMQP properties as they are. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ListenerContainerCustomizer.class, AmqpInboundChannelAdapter.class})
    static class BatchBindings {

        /**
         * The queues of batch-enabled containers, so that only their adapters get {@link BatchHeaders}. The container
         * customizer sees the queue, the endpoint customizer the binding's destination and group, whose queue is
         * {@code <destination>.<group>} (after the binder's optional prefix).
         */
        private final Set<String> batchQueues = ConcurrentHashMap.newKeySet();

        /**
         * Bounds the time a consumer spends filling one batch: the binder's receive timeout only applies between two
         * messages, so at a steady 1,000 events/s a batch of 1,000 would otherwise wait a second or more to fill.
         */
        @Bean
        ListenerContainerCustomizer<MessageListenerContainer> lantianBatchContainers(EventingProperties properties) {
            return (container, queue, group) -> {
                if (container instanceof SimpleMessageListenerContainer simple && simple.isConsumerBatchEnabled()) {
                    simple.setBatchReceiveTimeout(
                            properties.consumer().batchMaxWait().toMillis());
                    batchQueues.add(queue);
                }
            };
        }

        @Bean
        @ConditionalOnMissingBean
        ConsumerEndpointCustomizer<AmqpInboundChannelAdapter> lantianBatchHeaders() {
            return (adapter, destination, group) -> {
                if (batchQueues.stream().anyMatch(queue -> queue.endsWith(destination + "." + group))) {
                    adapter.setHeaderMapper(new BatchHeaders());
                }
            };
        }
    }
}
