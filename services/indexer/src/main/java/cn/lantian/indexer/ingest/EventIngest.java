package cn.lantian.indexer.ingest;

import cn.lantian.contract.EventContract;
import cn.lantian.eventing.IncomingEvent;
import cn.lantian.eventing.IncomingEvents;
import cn.lantian.eventing.InvalidEventException;
import cn.lantian.indexer.index.BulkIndexer;
import cn.lantian.indexer.index.EventDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.messaging.Message;

/**
 * Handles one batch from a domain queue: each message is checked against the contract on its own; the bad ones are
 * dead-lettered with their reason, the good ones bulk-indexed. It returns (and so lets the binder ack the batch) only
 * when every message is indexed or safely dead-lettered; otherwise it throws and the batch is requeued.
 */
class EventIngest implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(EventIngest.class);

    private final IncomingEvents events;
    private final BulkIndexer indexer;
    private final DeadLetters deadLetters;

    EventIngest(IncomingEvents events, BulkIndexer indexer, DeadLetters deadLetters) {
        this.events = events;
        this.indexer = indexer;
        this.deadLetters = deadLetters;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<byte[]> bodies = bodies(batch);
        List<Map<String, Object>> headers = batchedHeaders(batch, bodies.size());
        Instant now = Instant.now();
        List<EventDocument> documents = new ArrayList<>(bodies.size());
        Map<String, Integer> positionOfId = new HashMap<>();
        List<DeadLetters.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            Map<String, Object> h = headers.get(i);
            try {
                IncomingEvent event = events.parse(bodies.get(i));
                checkExchange(event, h);
                documents.add(EventDocument.of(event, now));
                positionOfId.putIfAbsent(event.id(), i);
            } catch (InvalidEventException e) {
                rejected.add(rejection(bodies.get(i), h, e.getMessage()));
            }
        }
        for (BulkIndexer.Refusal refusal : indexer.index(documents)) {
            int i = positionOfId.get(refusal.id());
            rejected.add(rejection(bodies.get(i), headers.get(i), refusal.reason()));
        }
        deadLetters.send(rejected);
        log.debug("batch of {}: {} to index, {} dead-lettered", bodies.size(), documents.size(), rejected.size());
    }

    /**
     * An event published to an exchange must come through its own domain's, or a producer is publishing where it
     * should not; one put straight into the queue (default exchange: a replay from the dead-letter queue, a
     * benchmark's pre-fill) is fine.
     */
    private static void checkExchange(IncomingEvent event, Map<String, Object> headers) {
        Object exchange = headers.get(AmqpHeaders.RECEIVED_EXCHANGE);
        String expected = EventContract.exchangeOf(event.domain());
        if (exchange != null && !"".equals(exchange) && !expected.equals(exchange)) {
            throw new InvalidEventException(List.of("type " + event.type() + " belongs on exchange " + expected
                    + ", not " + exchange));
        }
    }

    private static DeadLetters.Rejected rejection(byte[] body, Map<String, Object> headers, String reason) {
        return new DeadLetters.Rejected(body, String.valueOf(headers.get(AmqpHeaders.CONSUMER_QUEUE)),
                String.valueOf(headers.get(AmqpHeaders.RECEIVED_EXCHANGE)),
                String.valueOf(headers.get(AmqpHeaders.RECEIVED_ROUTING_KEY)), headers, reason);
    }

    /**
     * The raw bodies; anything but a byte array means a converter altered the batch, and acking it could lose
     * messages, so the batch is refused and requeued instead.
     */
    private static List<byte[]> bodies(Message<? extends List<?>> batch) {
        List<byte[]> bodies = new ArrayList<>(batch.getPayload().size());
        for (Object body : batch.getPayload()) {
            if (!(body instanceof byte[] bytes)) {
                throw new IllegalStateException("batch element is " + (body == null ? "null" : body.getClass().getName())
                        + ", not raw bytes: check the binding's content-type");
            }
            bodies.add(bytes);
        }
        return bodies;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> batchedHeaders(Message<List<byte[]>> batch, int size) {
        Object batched = batch.getHeaders().get(AmqpInboundChannelAdapter.CONSOLIDATED_HEADERS);
        if (batched instanceof List<?> list) {
            if (list.size() != size) {
                // A body went missing between the broker and here: acking would lose it.
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
