package cn.lantian.enforcement.intake;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts refused messages on their queue's dead-letter queue: published to {@code lantian.dlx} with the queue's name as
 * routing key (how the binder binds {@code <queue>.dlq}), the reason in {@code x-exception-message}. Waits for the
 * broker's confirms, so a batch is acknowledged only once its dead letters are safe.
 */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private final RabbitTemplate rabbit;

    DeadLetters(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
    }

    /** A refused message, where it came from and why. */
    record Refused(byte[] body, String queue, String exchange, String routingKey, String reason) {
    }

    void send(List<Refused> refused) {
        List<CorrelationData> confirms = refused.stream().map(this::publish).toList();
        for (CorrelationData confirm : confirms) {
            try {
                CorrelationData.Confirm result = confirm.getFuture().get(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (!result.ack()) {
                    throw new IllegalStateException("broker refused a dead letter: " + result.reason());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("dead letter not confirmed: " + e.getMessage(), e);
            }
        }
    }

    private CorrelationData publish(Refused r) {
        MessageProperties props = new MessageProperties();
        props.setHeader("x-exception-message", r.reason());
        props.setHeader("x-original-exchange", r.exchange());
        props.setHeader("x-original-routingKey", r.routingKey());
        props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        props.setContentType("application/cloudevents+json");
        log.warn("dead-lettering a message from {}: {}", r.queue(), r.reason());
        CorrelationData correlation = new CorrelationData();
        rabbit.send("lantian.dlx", r.queue(), new Message(r.body(), props), correlation);
        return correlation;
    }

}
