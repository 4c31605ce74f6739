package cn.lantian.eventing;

import cn.lantian.reference.Placement;
import java.time.Instant;
import java.util.List;

/**
 * An event a service is about to publish; the outbox turns it into a CloudEvent.
 *
 * @param type contract type, {@code lantian.<domain>.<event-name>.v<N>}
 * @param subject what it is about, {@code kind/id}
 * @param jurisdiction where the subject lies (county, or Corps unit where no county governs it)
 * @param corpsUnit the Corps unit the subject lies in, or null
 * @param agency the agency that owns the subject
 * @param severity info, minor, major or critical; null when not a finding
 * @param sharing local, joint or crossboundary; null means local
 * @param partners other jurisdictions that share a joint or cross-boundary event
 * @param time when it happened
 * @param data the payload, serialised with Jackson; must honour the type's schema
 */
public record OutgoingEvent(
        String type,
        String subject,
        String jurisdiction,
        String corpsUnit,
        String agency,
        String severity,
        String sharing,
        List<String> partners,
        Instant time,
        Object data) {

    public OutgoingEvent {
        partners = partners == null ? List.of() : List.copyOf(partners);
        time = time == null ? Instant.now() : time;
    }

    /** An event placed where its subject lies: a joint place is shared with its Corps unit. */
    public static OutgoingEvent of(String type, String subject, Placement placement, String agency, Object data) {
        boolean joint = placement.joint();
        return new OutgoingEvent(
                type,
                subject,
                placement.jurisdiction(),
                placement.corpsUnit(),
                agency,
                null,
                joint ? "joint" : null,
                joint ? List.of(placement.corpsUnit()) : List.of(),
                Instant.now(),
                data);
    }

    /** The same event with a severity. */
    public OutgoingEvent withSeverity(String value) {
        return new OutgoingEvent(type, subject, jurisdiction, corpsUnit, agency, value, sharing, partners, time, data);
    }

    /** The same event at another time. */
    public OutgoingEvent at(Instant value) {
        return new OutgoingEvent(
                type, subject, jurisdiction, corpsUnit, agency, severity, sharing, partners, value, data);
    }

    /** The same event shared across a boundary with the given jurisdictions. */
    public OutgoingEvent sharedWith(List<String> others) {
        if (others.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(partners);
        others.stream().filter(o -> !all.contains(o) && !o.equals(jurisdiction)).forEach(all::add);
        return new OutgoingEvent(
                type,
                subject,
                jurisdiction,
                corpsUnit,
                agency,
                severity,
                "joint".equals(sharing) ? sharing : "crossboundary",
                all,
                time,
                data);
    }
}
