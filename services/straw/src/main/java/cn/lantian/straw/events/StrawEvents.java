package cn.lantian.straw.events;

import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.Placement;
import cn.lantian.straw.access.StrawAccess;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Appends this service's events to the platform outbox, in the caller's transaction, owned by agriculture. */
@Component
public class StrawEvents {

    /** An event about to be raised. */
    public record Raised(String type, String subject, Placement placement, String severity, Instant time, Object data) {
    }

    private final Outbox outbox;

    StrawEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Appends the events with one statement; fails (nothing appended) if any breaks the contract. */
    public Mono<Void> raise(List<Raised> events) {
        return outbox.appendAll(events.stream().map(StrawEvents::outgoing).toList()).then();
    }

    /** Appends one event. */
    public Mono<Void> raise(Raised event) {
        return raise(List.of(event));
    }

    private static OutgoingEvent outgoing(Raised e) {
        OutgoingEvent out = OutgoingEvent.of(e.type(), e.subject(), e.placement(), StrawAccess.AGENCY, e.data());
        if (e.severity() != null) {
            out = out.withSeverity(e.severity());
        }
        return e.time() == null ? out : out.at(e.time());
    }
}
