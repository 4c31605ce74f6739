package cn.lantian.eventing;

import cn.lantian.contract.EventContract;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.messaging.Message;

/**
 * The Spring Cloud Stream consumer of a batch binding: each message is checked against the contract on its own and a
 * bad one is dead-lettered with its reason; the valid events go to the service's {@link BatchHandler} together, and
 * the events it refuses are dead-lettered too. It returns, and so lets the binder acknowledge the batch, only when
 * every message is handled or safely dead-lettered; when the handler throws, nothing is acknowledged and the whole
 * batch goes back to the queue. Build it with {@link EventConsumers#batch}.
 */
public final class BatchConsumer implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(BatchConsumer.class);

    private final IncomingEvents events;
    private final BatchHandler handler;
    private final DeadLetters deadLetters;

    BatchConsumer(IncomingEvents events, BatchHandler handler, DeadLetters deadLetters) {
        this.events = events;
        this.handler = handler;
        this.deadLetters = deadLetters;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<?> bodies = batch.getPayload();
        List<Map<String, Object>> headers = headers(batch, bodies.size());
        List<IncomingEvent> valid = new ArrayList<>(bodies.size());
        int[] positions = new int[bodies.size()];
        List<DeadLetters.DeadLetter> refused = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            byte[] body = body(bodies.get(i));
            try {
                IncomingEvent event = events.parse(body);
                checkExchange(event, headers.get(i));
                positions[valid.size()] = i;
                valid.add(event);
            } catch (InvalidEventException e) {
                refused.add(new DeadLetters.DeadLetter(body, Origin.of(headers.get(i)), e.getMessage()));
            }
        }
        List<BatchHandler.Refusal> refusals = valid.isEmpty() ? List.of() : handler.handle(valid);
        if (!refusals.isEmpty()) {
            // Rare: only now is it worth knowing where each id sits in the batch (its first delivery in it).
            Map<String, Integer> positionOfId = new HashMap<>();
            for (int v = 0; v < valid.size(); v++) {
                positionOfId.putIfAbsent(valid.get(v).id(), positions[v]);
            }
            for (BatchHandler.Refusal refusal : refusals) {
                Integer i = positionOfId.get(refusal.eventId());
                if (i == null) {
                    throw new IllegalStateException("the handler refused " + refusal.eventId() + ", not in the batch");
                }
                refused.add(
                        new DeadLetters.DeadLetter(body(bodies.get(i)), Origin.of(headers.get(i)), refusal.reason()));
            }
        }
        deadLetters.send(refused);
        if (log.isDebugEnabled()) {
            log.debug(
                    "batch of {}: {} valid, {} dead-lettered; per-message headers {}",
                    bodies.size(),
                    valid.size(),
                    refused.size(),
                    headers.isEmpty() ? "none" : headers.get(0).keySet());
        }
    }

    /**
     * An event published to an exchange must come through its own domain's, or a producer is publishing where it
     * should not; one put straight into the queue (default exchange: a replay from the dead-letter queue, a
     * benchmark's pre-fill) is fine.
     */
    private static void checkExchange(IncomingEvent event, Map<String, Object> headers) {
        String exchange = Origin.exchangeOf(headers);
        String expected = EventContract.exchangeOf(event.domain());
        if (exchange != null && !exchange.isEmpty() && !expected.equals(exchange)) {
            throw new InvalidEventException(
                    List.of("type " + event.type() + " belongs on exchange " + expected + ", not " + exchange));
        }
    }

    /**
     * A raw body; anything else means a converter altered the batch, and acknowledging it could lose messages, so the
     * batch is refused and requeued instead.
     */
    private static byte[] body(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        throw new IllegalStateException(
                "batch element is " + (body == null ? "null" : body.getClass().getName())
                        + ", not raw bytes: bind the consumer with content-type application/octet-stream");
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
        // Without per-message headers every message shares the batch's own (all from one queue).
        Map<String, Object> shared = new HashMap<>(batch.getHeaders());
        List<Map<String, Object>> same = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            same.add(shared);
        }
        return same;
    }
}
