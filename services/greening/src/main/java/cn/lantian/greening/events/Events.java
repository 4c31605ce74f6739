package cn.lantian.greening.events;

import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.greening.access.Access;
import cn.lantian.reference.Placement;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Appends this service's events to the outbox, placed where their subject lies, owned by the forestry agency. */
@Component
public class Events {

    private final Outbox outbox;

    Events(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Appends one event in the current R2DBC transaction; fails (and so rolls the write back) if it breaks the contract. */
    public Mono<Void> raise(Raised event) {
        return outbox.append(outgoing(event)).then();
    }

    /** Appends several events with one statement, in order. */
    public Mono<Void> raiseAll(List<Raised> events) {
        return outbox.appendAll(events.stream().map(Events::outgoing).toList()).then();
    }

    private static OutgoingEvent outgoing(Raised event) {
        OutgoingEvent out =
                OutgoingEvent.of(event.type(), event.subject(), event.placement(), Access.AGENCY, event.data());
        if (event.severity() != null) {
            out = out.withSeverity(event.severity());
        }
        if (event.time() != null) {
            out = out.at(event.time());
        }
        return out.sharedWith(event.partners());
    }

    /**
     * An event before the runtime wraps it in its envelope.
     *
     * @param type a contract type, {@code lantian.greening.*}
     * @param subject kind/id
     * @param placement where the subject lies
     * @param partners other jurisdictions that share it (the counties a polygon also covers), may be empty
     * @param severity info, minor, major, critical or null
     * @param time when it happened, or null for now
     * @param data the type's data
     */
    public record Raised(
            String type,
            String subject,
            Placement placement,
            List<String> partners,
            String severity,
            Instant time,
            Object data) {

        public Raised {
            partners = partners == null ? List.of() : List.copyOf(partners);
        }

        /** An event of now without partners or severity. */
        public static Raised of(String type, String subject, Placement placement, Object data) {
            return new Raised(type, subject, placement, List.of(), null, null, data);
        }
    }

    /** The location object of several schemas. */
    public record Location(double lon, double lat) {}
}
