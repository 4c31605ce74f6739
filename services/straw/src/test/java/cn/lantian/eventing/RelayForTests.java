package cn.lantian.eventing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The platform's relay, built by hand in tests that keep the service's own relay off. */
public final class RelayForTests {

    private RelayForTests() {}

    /** A relay over the test database that publishes with the given template. */
    public static OutboxRelay of(DatabaseClient db, TransactionalOperator tx, RabbitTemplate rabbit) {
        return new OutboxRelay(
                db,
                tx,
                rabbit,
                new EventingProperties.Relay(true, null, 0, null, null, null),
                new SimpleMeterRegistry());
    }
}
