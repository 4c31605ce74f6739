package cn.lantian.eventing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the eventing runtime, under {@code lantian.eventing}.
 *
 * @param source the CloudEvents source of this service's events, e.g. {@code /lantian/stationary}
 * @param relay how the outbox relay polls and publishes
 * @param consumer how batch consumers collect batches and dead-letter refused messages
 */
@ConfigurationProperties("lantian.eventing")
public record EventingProperties(String source, Relay relay, Consumer consumer) {

    public EventingProperties {
        relay = relay == null ? new Relay(null, null, 0, null, null, null) : relay;
        consumer = consumer == null ? new Consumer(null, null, null) : consumer;
    }

    /**
     * @param batchMaxWait longest time a batch consumer collects one batch before handing it on (the binder's own
     *     receive timeout only counts between two messages), so a trickle is handled soon and a backlog in full batches
     * @param deadLetterTimeout how long to wait for the broker to confirm a dead letter before the batch is requeued
     * @param handlingTimeout longest wait for a batch's reactive work before the batch counts as failed
     */
    public record Consumer(Duration batchMaxWait, Duration deadLetterTimeout, Duration handlingTimeout) {

        public Consumer {
            batchMaxWait = batchMaxWait == null ? Duration.ofMillis(100) : batchMaxWait;
            deadLetterTimeout = deadLetterTimeout == null ? Duration.ofSeconds(10) : deadLetterTimeout;
            handlingTimeout = handlingTimeout == null ? Duration.ofSeconds(60) : handlingTimeout;
        }
    }

    /**
     * @param enabled whether this instance relays its outbox
     * @param pollInterval pause when the outbox is empty
     * @param batchSize rows published per transaction
     * @param confirmTimeout how long to wait for the broker's confirms
     * @param backoff pause after a failure (broker down)
     * @param retention how long sent rows are kept
     */
    public record Relay(
            Boolean enabled,
            Duration pollInterval,
            int batchSize,
            Duration confirmTimeout,
            Duration backoff,
            Duration retention) {

        public Relay {
            enabled = enabled == null || enabled;
            pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
            batchSize = batchSize <= 0 ? 500 : batchSize;
            confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(10) : confirmTimeout;
            backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
            retention = retention == null ? Duration.ofDays(7) : retention;
        }
    }
}
