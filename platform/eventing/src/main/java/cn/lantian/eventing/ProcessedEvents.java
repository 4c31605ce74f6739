package cn.lantian.eventing;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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
                .bind("consumer", consumer)
                .bind("id", eventId)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    /**
     * Records a batch of events for the consumer with one statement; call it in the same transaction as the
     * consumer's work. Ids are recorded in sorted order, so concurrent batches sharing an id wait for each other
     * instead of deadlocking.
     *
     * @return the ids this consumer sees for the first time (an id given twice counts once)
     */
    public Mono<Set<String>> firstDeliveries(String consumer, Collection<String> eventIds) {
        String[] ids = eventIds.stream().distinct().sorted().toArray(String[]::new);
        if (ids.length == 0) {
            return Mono.just(Set.of());
        }
        return db.sql("insert into processed_event (consumer, event_id) select :consumer, id from unnest(:ids::text[]) "
                        + "as t(id) on conflict do nothing returning event_id")
                .bind("consumer", consumer)
                .bind("ids", ids)
                .map((r, m) -> r.get("event_id", String.class))
                .all()
                .collect(HashSet::new, Set::add);
    }
}
