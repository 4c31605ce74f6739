package cn.lantian.mobile.events;

import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.mobile.access.Jurisdiction;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Appends this service's events to the platform outbox, in the caller's current transaction. */
@Component
public class DomainEvents {

    private final Outbox outbox;

    DomainEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Appends the event in the current R2DBC transaction; fails if it does not honour the contract. */
    public Mono<Void> raise(Raised event) {
        OutgoingEvent outgoing =
                OutgoingEvent.of(event.type(), event.subject(), event.placement(), Jurisdiction.AGENCY, event.data());
        return outbox.append(event.severity() == null ? outgoing : outgoing.withSeverity(event.severity()))
                .then();
    }
}
