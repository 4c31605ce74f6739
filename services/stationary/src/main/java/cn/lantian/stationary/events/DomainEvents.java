package cn.lantian.stationary.events;

import reactor.core.publisher.Mono;

/** Where this service's events go: the outbox, in the caller's current transaction. */
public interface DomainEvents {

    /** Appends the event in the current R2DBC transaction; fails if it does not honour the contract. */
    Mono<Void> raise(Raised event);
}
