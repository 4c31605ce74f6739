package cn.lantian.stationary.events;

import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.stationary.access.PermitAccess;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Appends this service's events to the platform outbox, placed where their subject lies, owned by ecology. */
@Component
class OutboxEvents implements DomainEvents {

    private final Outbox outbox;

    OutboxEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Mono<Void> raise(Raised event) {
        OutgoingEvent outgoing = OutgoingEvent.of(event.type(), event.subject(), event.placement(), PermitAccess.AGENCY,
                event.data());
        return outbox.append(event.severity() == null ? outgoing : outgoing.withSeverity(event.severity())).then();
    }
}
