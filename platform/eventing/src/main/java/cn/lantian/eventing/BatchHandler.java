package cn.lantian.eventing;

import java.util.List;

/**
 * What a service does with the contract-checked events of one batch; {@link EventConsumers} builds the common ones.
 */
@FunctionalInterface
public interface BatchHandler {

    /**
     * Handles the events of a batch, in delivery order; an id may occur twice when a redelivery shares the batch.
     *
     * @return the events refused for good, each dead-lettered with its reason; every other event counts as done
     * @throws RuntimeException when the batch cannot be handled for now (a database or cluster is down): nothing is
     *     acknowledged and the whole batch goes back to the queue
     */
    List<Refusal> handle(List<IncomingEvent> events);

    /** An event refused for good, with the reason its dead letter carries. */
    record Refusal(String eventId, String reason) {}
}
