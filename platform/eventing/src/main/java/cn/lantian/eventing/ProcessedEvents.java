package cn.lantian.eventing;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Remembers which events each consumer has handled, so that a redelivered event changes nothing. */
public class ProcessedEvents {

    private final DatabaseClient db;

    ProcessedEvents(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Records the event for the consumer; call it in the same transaction as the consumer's work.
     *
     * @return true the first time this consumer sees the event id, false on every redelivery
     */
    public Mono<Boolean> firstDelivery(String consumer, String eventId) {
        return db.sql("insert into processed_event (consumer, event_id) values (:consumer, :id) on conflict do nothing")
                .bind("consumer", consumer).bind("id", eventId)
                .fetch().rowsUpdated().map(n -> n == 1);
    }
}
