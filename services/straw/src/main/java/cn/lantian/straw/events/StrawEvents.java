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
    public record Raised(
            String type, String subject, Placement placement, String severity, Instant time, Object data) {}

    private final Outbox outbox;

    StrawEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Events per outbox statement: one statement per chunk keeps the memory of a large import's payloads bounded. */
    static final int CHUNK = 5000;

    /**
     * Appends the events, one statement per {@value #CHUNK}, in the caller's transaction; fails (and the transaction
     * with it) if any breaks the contract.
     */
    public Mono<Void> raise(List<Raised> events) {
        if (events.size() <= CHUNK) {
            return outbox.appendAll(events.stream().map(StrawEvents::outgoing).toList())
                    .then();
        }
        return reactor.core.publisher.Flux.range(0, (events.size() + CHUNK - 1) / CHUNK)
                .concatMap(i ->
                        outbox.appendAll(events.subList(i * CHUNK, Math.min(events.size(), (i + 1) * CHUNK)).stream()
                                .map(StrawEvents::outgoing)
                                .toList()))
                .then();
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
