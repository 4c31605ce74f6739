package cn.lantian.eventing;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * An event received from another service or agency, already checked against the contract. Consumers read
 * {@link #data()} into their own records.
 */
public record IncomingEvent(
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String jurisdiction,
        String corpsUnit,
        String agency,
        String severity,
        String sharing,
        String partners,
        JsonNode data,
        JsonNode envelope) {

    /** The domain that published it. */
    public String domain() {
        return type.split("\\.")[1];
    }
}
