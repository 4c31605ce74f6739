package cn.lantian.indexer.ingest;

import cn.lantian.contract.EventContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Sends refused messages to {@code lantian.dlx} with the consuming queue's name as routing key, which is how the
 * binder binds each queue's dead-letter queue, and with the reason in {@code x-lantian-reason} (and, for tools that
 * read the binder's header, {@code x-exception-message}). Waits for the broker's confirm, so that a message is never
 * acked before its dead letter is safe.
 */
class DeadLetters {

    static final String REASON = "x-lantian-reason";
    static final String EXCEPTION_MESSAGE = "x-exception-message";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final RabbitTemplate rabbit;
    private final Duration confirmTimeout;

    DeadLetters(RabbitTemplate rabbit, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.confirmTimeout = confirmTimeout;
    }

    /** A message to dead-letter: its body, where it came from, and why it was refused. */
    record Rejected(byte[] body, String queue, String exchange, String routingKey, Map<String, Object> headers,
            String reason) {
    }

    /** Publishes every rejected message and waits for all confirms; throws if the broker does not confirm one. */
    void send(List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        List<CorrelationData> confirms = rejected.stream().map(this::publish).toList();
        for (CorrelationData confirm : confirms) {
            CorrelationData.Confirm result;
            try {
                result = confirm.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            } catch (Exception e) {
                throw new IllegalStateException("dead letter not confirmed: " + e.getMessage(), e);
            }
            if (!result.ack()) {
                throw new IllegalStateException("broker refused a dead letter: " + result.reason());
            }
        }
    }

    private CorrelationData publish(Rejected message) {
        MessageProperties props = new MessageProperties();
        message.headers().forEach((name, value) -> {
            if (!name.startsWith("amqp_") && !name.startsWith("spring_") && !name.equals("id") && !name.equals("timestamp")) {
                props.setHeader(name, value);
            }
        });
        props.setHeader(REASON, message.reason());
        props.setHeader(EXCEPTION_MESSAGE, message.reason());
        props.setHeader("x-original-exchange", message.exchange());
        props.setHeader("x-original-routingKey", message.routingKey());
        props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        props.setContentType(EventContract.CONTENT_TYPE);
        CorrelationData correlation = new CorrelationData();
        log.warn("dead-lettering a message from {}: {}", message.queue(), message.reason());
        rabbit.send(EventContract.DEAD_LETTER_EXCHANGE, message.queue(), new Message(message.body(), props), correlation);
        return correlation;
    }
}
