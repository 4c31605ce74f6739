package cn.lantian.chaos;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.util.List;

/** Reads a dead letter's reason without taking it from its queue. */
final class DeadLetters {

    private final Settings settings;

    DeadLetters(Settings settings) {
        this.settings = settings;
    }

    /** The {@code x-lantian-reason} of the first message in the queue, or "(empty)". */
    String reason(String queue) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUsername("guest");
        factory.setPassword("guest");
        List<Address> addresses = settings.amqpPorts().stream()
                .map(p -> new Address("127.0.0.1", p))
                .toList();
        try (Connection connection = factory.newConnection(addresses, "chaos-dead-letters");
                var channel = connection.createChannel()) {
            GetResponse message = channel.basicGet(queue, false);
            if (message == null) {
                return "(empty)";
            }
            Object reason = message.getProps().getHeaders() == null
                    ? null
                    : message.getProps().getHeaders().get("x-lantian-reason");
            channel.basicNack(message.getEnvelope().getDeliveryTag(), false, true);
            return String.valueOf(reason);
        }
    }
}
