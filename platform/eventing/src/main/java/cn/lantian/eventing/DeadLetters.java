package cn.lantian.eventing;

import cn.lantian.contract.EventContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Puts refused messages on their queue's dead-letter queue: published to {@code lantian.dlx} with the consuming queue's
 * name as routing key (how the binder binds {@code <queue>.dlq}), with the original headers, the reason in
 * {@code x-lantian-reason} (and {@code x-exception-message}, which the binder's own dead letters use) and where the
 * message came from. Waits for the broker's confirms, so that a batch is acknowledged only once its dead letters are
 * safe.
 */
final class DeadLetters {

    static final String REASON = "x-lantian-reason";
    static final String EXCEPTION_MESSAGE = "x-exception-message";
    static final String ORIGINAL_EXCHANGE = "x-original-exchange";
    static final String ORIGINAL_ROUTING_KEY = "x-original-routingKey";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final RabbitTemplate rabbit;
    private final Duration confirmTimeout;

    DeadLetters(RabbitTemplate rabbit, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.confirmTimeout = confirmTimeout;
    }

    /** A message to dead-letter: its body, where it came from, and why it was refused. */
    record DeadLetter(byte[] body, Origin origin, String reason) {}

    /** Publishes every dead letter, then waits for all confirms; throws if the broker does not confirm one. */
    void send(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        List<CorrelationData> confirms = deadLetters.stream().map(this::publish).toList();
        for (CorrelationData confirm : confirms) {
            CorrelationData.Confirm result;
            try {
                result = confirm.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("dead letter not confirmed: " + e.getMessage(), e);
            }
            if (!result.ack()) {
                throw new IllegalStateException("broker refused a dead letter: " + result.reason());
            }
        }
    }

    private CorrelationData publish(DeadLetter letter) {
        Origin origin = letter.origin();
        MessageProperties props = new MessageProperties();
        for (Map.Entry<String, Object> header : origin.headers().entrySet()) {
            props.setHeader(header.getKey(), header.getValue());
        }
        props.setHeader(REASON, letter.reason());
        props.setHeader(EXCEPTION_MESSAGE, letter.reason());
        props.setHeader(ORIGINAL_EXCHANGE, origin.exchange());
        props.setHeader(ORIGINAL_ROUTING_KEY, origin.routingKey());
        props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        props.setContentType(EventContract.CONTENT_TYPE);
        log.warn("dead-lettering a message from {}: {}", origin.queue(), letter.reason());
        CorrelationData correlation = new CorrelationData();
        rabbit.send(EventContract.DEAD_LETTER_EXCHANGE, origin.queue(), new Message(letter.body(), props), correlation);
        return correlation;
    }
}
