package cn.lantian.eventing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Builds the batch consumers services bind in YAML: contract check per message, dead-lettering of only the bad messages
 * with their reason, and the service's work on the rest. Typical use, each event once per consumer:
 * <pre>{@code
 * @Bean
 * Consumer<Message<List<byte[]>>> fires(EventConsumers consumers, FireService fires) {
 *     return consumers.batch(consumers.once("straw-fires", fires::handleAll));
 * }
 * }</pre>
 */
public class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final IncomingEvents events;
    private final DeadLetters deadLetters;
    private final ProcessedEvents processed;
    private final TransactionalOperator tx;
    private final Duration timeout;

    EventConsumers(
            IncomingEvents events,
            DeadLetters deadLetters,
            ProcessedEvents processed,
            TransactionalOperator tx,
            Duration timeout) {
        this.events = events;
        this.deadLetters = deadLetters;
        this.processed = processed;
        this.tx = tx;
        this.timeout = timeout;
    }

    /** The consumer to declare as the binding's function bean: contract check and dead-lettering around the handler. */
    public BatchConsumer batch(BatchHandler handler) {
        return new BatchConsumer(events, handler, deadLetters);
    }

    /**
     * Tries the whole batch in one go (one commit) and, if that fails, each event alone, refusing only those that still
     * fail: one bad event never takes the good ones of its batch to the dead-letter queue.
     *
     * @param whole the work on all events together; must change nothing when it fails (one transaction)
     * @param alone the same work on one event, in its own transaction
     */
    public BatchHandler wholeThenAlone(
            Function<List<IncomingEvent>, Mono<?>> whole, Function<IncomingEvent, Mono<?>> alone) {
        return batch -> {
            try {
                whole.apply(batch).block(timeout);
                return List.of();
            } catch (RuntimeException failed) {
                if (interrupted(failed)) {
                    // Shutting down: leave the whole batch to be redelivered rather than dead-letter good events.
                    throw failed;
                }
                log.info("batch of {} failed ({}), handling its events one by one", batch.size(), failed.getMessage());
            }
            List<BatchHandler.Refusal> refused = new ArrayList<>();
            Set<String> done = new HashSet<>();
            for (IncomingEvent event : batch) {
                if (!done.add(event.id())) {
                    continue;
                }
                try {
                    alone.apply(event).block(timeout);
                } catch (RuntimeException e) {
                    if (interrupted(e) || unavailable(e)) {
                        // The database is away (restarting, unreachable): no event is at fault, so none is
                        // dead-lettered; the whole batch goes back to the queue (the fault suite's PostgreSQL restart
                        // dead-lettered good events before).
                        throw e;
                    }
                    refused.add(new BatchHandler.Refusal(event.id(), "handling failed: " + e.getMessage()));
                }
            }
            return refused;
        };
    }

    /**
     * Each event once for the named consumer: {@code work} receives the events of the batch this consumer has not
     * handled before (an id delivered twice in the batch counts once), inside one transaction with the
     * {@link ProcessedEvents} record of their ids, so a redelivered batch changes nothing. If the batch fails, each
     * event is tried alone in its own transaction and only those that still fail are refused.
     *
     * @param consumer the name under which handled ids are remembered, unique per service and purpose
     * @param work what the events do, joining the current transaction (R2DBC)
     * @throws IllegalStateException when the service has no database (no {@link ProcessedEvents})
     */
    public BatchHandler once(String consumer, Function<List<IncomingEvent>, Mono<?>> work) {
        if (processed == null || tx == null) {
            throw new IllegalStateException("handling each event once needs the service's database (R2DBC)");
        }
        return wholeThenAlone(
                batch -> tx.transactional(processed
                        .firstDeliveries(
                                consumer, batch.stream().map(IncomingEvent::id).toList())
                        .flatMap(first -> {
                            List<IncomingEvent> fresh = new ArrayList<>();
                            Set<String> taken = new HashSet<>();
                            for (IncomingEvent event : batch) {
                                if (first.contains(event.id()) && taken.add(event.id())) {
                                    fresh.add(event);
                                }
                            }
                            return fresh.isEmpty()
                                    ? Mono.just(0)
                                    : work.apply(fresh).then(Mono.just(fresh.size()));
                        })),
                event -> tx.transactional(processed
                        .firstDelivery(consumer, event.id())
                        .flatMap(first -> first ? work.apply(List.of(event)).then(Mono.just(1)) : Mono.just(0))));
    }

    /** Whether the failure says the resource is unavailable for now, not that the event is bad. */
    static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof io.r2dbc.spi.R2dbcTransientException
                    || t instanceof io.r2dbc.spi.R2dbcNonTransientResourceException
                    || t instanceof java.net.ConnectException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }
}
