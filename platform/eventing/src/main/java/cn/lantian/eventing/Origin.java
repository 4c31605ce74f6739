package cn.lantian.eventing;

import java.util.HashMap;
import java.util.Map;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.AmqpHeaders;

/**
 * Where one message of a batch came from: the queue that delivered it, the exchange and routing key it was published
 * with, and its own AMQP headers (kept on its dead letter).
 */
record Origin(String queue, String exchange, String routingKey, Map<String, Object> headers) {

    /**
     * Reads the headers the binder hands over for one message: the AMQP properties themselves where
     * {@link BatchHeaders} mapped them (nothing copied), else the headers Spring Integration's default mapper wrote.
     */
    static Origin of(Map<String, Object> mapped) {
        if (mapped.get(BatchHeaders.PROPERTIES) instanceof MessageProperties props) {
            return new Origin(
                    props.getConsumerQueue(),
                    props.getReceivedExchange(),
                    props.getReceivedRoutingKey(),
                    props.getHeaders());
        }
        Map<String, Object> own = new HashMap<>();
        mapped.forEach((name, value) -> {
            if (!name.startsWith("amqp_")
                    && !name.startsWith("spring_")
                    && !name.equals("id")
                    && !name.equals("timestamp")
                    && !name.equals("contentType")) {
                own.put(name, value);
            }
        });
        return new Origin(
                string(mapped.get(AmqpHeaders.CONSUMER_QUEUE)),
                string(mapped.get(AmqpHeaders.RECEIVED_EXCHANGE)),
                string(mapped.get(AmqpHeaders.RECEIVED_ROUTING_KEY)),
                own);
    }

    /** The exchange alone, read without building an {@link Origin} (checked for every message of every batch). */
    static String exchangeOf(Map<String, Object> mapped) {
        return mapped.get(BatchHeaders.PROPERTIES) instanceof MessageProperties props
                ? props.getReceivedExchange()
                : string(mapped.get(AmqpHeaders.RECEIVED_EXCHANGE));
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
