package cn.lantian.enforcement.intake;

import cn.lantian.eventing.IncomingEvent;
import cn.lantian.eventing.IncomingEvents;
import cn.lantian.eventing.InvalidEventException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.messaging.Message;

/**
 * The Spring Cloud Stream batch consumer {@code findings}; destinations, group, routing keys and batching are
 * configured in {@code application.yaml}. Each message is checked against the contract on its own and a bad one is
 * dead-lettered with its reason; the good ones are handled in one transaction (one commit per batch). If that
 * transaction fails they are retried one by one, and only the ones that still fail are dead-lettered. The consumer
 * returns, and the binder acknowledges the batch, only once every message is committed or safely dead-lettered.
 */
@Configuration
class IntakeBinding {

    private static final Logger log = LoggerFactory.getLogger(IntakeBinding.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Bean
    Consumer<Message<List<byte[]>>> findings(Intake intake, IncomingEvents events, DeadLetters deadLetters) {
        return batch -> {
            long started = System.nanoTime();
            List<byte[]> bodies = batch.getPayload();
            List<Map<String, Object>> headers = headers(batch, bodies.size());
            List<IncomingEvent> valid = new ArrayList<>(bodies.size());
            Map<String, Integer> position = new HashMap<>();
            List<DeadLetters.Refused> refused = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                try {
                    IncomingEvent event = events.parse(bodies.get(i));
                    valid.add(event);
                    position.putIfAbsent(event.id(), i);
                } catch (InvalidEventException e) {
                    refused.add(refusal(bodies.get(i), headers.get(i), e.getMessage()));
                }
            }
            long parsed = System.nanoTime();
            try {
                intake.handleAll(valid).block(TIMEOUT);
                if (log.isDebugEnabled()) {
                    // Where a batch's time goes: the contract check of each message, then the one transaction.
                    log.debug("batch of {}: parsed in {} ms, handled in {} ms", bodies.size(), (parsed - started) / 1_000_000,
                            (System.nanoTime() - parsed) / 1_000_000);
                }
            } catch (RuntimeException batchFailed) {
                if (interrupted(batchFailed)) {
                    // Shutting down: leave the whole batch to be redelivered rather than dead-letter good events.
                    throw batchFailed;
                }
                log.info("batch of {} failed ({}), handling its events one by one", valid.size(), batchFailed.getMessage());
                for (IncomingEvent event : valid) {
                    try {
                        intake.handle(event).block(TIMEOUT);
                    } catch (RuntimeException e) {
                        int i = position.get(event.id());
                        refused.add(refusal(bodies.get(i), headers.get(i), "handling failed: " + e.getMessage()));
                    }
                }
            }
            deadLetters.send(refused);
        };
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    private static DeadLetters.Refused refusal(byte[] body, Map<String, Object> h, String reason) {
        return new DeadLetters.Refused(body, String.valueOf(h.get(AmqpHeaders.CONSUMER_QUEUE)),
                String.valueOf(h.get(AmqpHeaders.RECEIVED_EXCHANGE)), String.valueOf(h.get(AmqpHeaders.RECEIVED_ROUTING_KEY)),
                reason);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> headers(Message<List<byte[]>> batch, int size) {
        if (batch.getHeaders().get(AmqpInboundChannelAdapter.CONSOLIDATED_HEADERS) instanceof List<?> list) {
            if (list.size() != size) {
                // A body went missing between the broker and here: acknowledging would lose it.
                throw new IllegalStateException(list.size() + " messages received but " + size + " bodies delivered");
            }
            return (List<Map<String, Object>>) list;
        }
        List<Map<String, Object>> same = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            same.add(batch.getHeaders());
        }
        return same;
    }
}
