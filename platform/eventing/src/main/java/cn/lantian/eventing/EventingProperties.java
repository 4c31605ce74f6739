package cn.lantian.eventing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the eventing runtime, under {@code lantian.eventing}.
 *
 * @param source the CloudEvents source of this service's events, e.g. {@code /lantian/stationary}
 * @param relay how the outbox relay polls and publishes
 */
@ConfigurationProperties("lantian.eventing")
public record EventingProperties(String source, Relay relay) {

    public EventingProperties {
        relay = relay == null ? new Relay(null, null, 0, null, null, null) : relay;
    }

    /**
     * @param enabled whether this instance relays its outbox
     * @param pollInterval pause when the outbox is empty
     * @param batchSize rows published per transaction
     * @param confirmTimeout how long to wait for the broker's confirms
     * @param backoff pause after a failure (broker down)
     * @param retention how long sent rows are kept
     */
    public record Relay(Boolean enabled, Duration pollInterval, int batchSize, Duration confirmTimeout, Duration backoff,
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
