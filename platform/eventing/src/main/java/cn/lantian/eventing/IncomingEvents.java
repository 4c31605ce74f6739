package cn.lantian.eventing;

import cn.lantian.contract.EventContract;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads raw messages into {@link IncomingEvent}s, refusing what breaks the contract. */
public class IncomingEvents {

    private final EventContract contract;
    private final ObjectMapper json;

    public IncomingEvents(EventContract contract, ObjectMapper json) {
        this.contract = contract;
        this.json = json;
    }

    /**
     * Parses and validates one message as it travelled. Spring Cloud Function turns an
     * {@code application/cloudevents+json} message into binary mode (envelope to {@code ce-*} headers, payload = data
     * alone); the original AMQP body, which the binder keeps in the {@code sourceData} header, is read instead, so that
     * the whole envelope is checked.
     *
     * @throws InvalidEventException naming every violation when the message is not a valid Lantian event
     */
    public IncomingEvent parse(Message<?> message) {
        if (message.getHeaders().get(IntegrationMessageHeaderAccessor.SOURCE_DATA)
                instanceof org.springframework.amqp.core.Message original) {
            return parse(original.getBody());
        }
        Object payload = message.getPayload();
        if (payload instanceof byte[] bytes) {
            return parse(bytes);
        }
        if (payload instanceof String text) {
            return parse(text.getBytes(StandardCharsets.UTF_8));
        }
        throw new InvalidEventException(
                List.of("payload is " + payload.getClass().getSimpleName()
                        + ", not the raw event: bind the consumer with content-type application/octet-stream"));
    }

    /**
     * Parses and validates one message body.
     *
     * @throws InvalidEventException naming every violation when the message is not a valid Lantian event
     */
    public IncomingEvent parse(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (RuntimeException e) {
            throw new InvalidEventException(List.of(
                    "not valid JSON: " + e.getMessage().lines().findFirst().orElse("")));
        }
        List<String> violations = contract.violations(node);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(violations);
        }
        return new IncomingEvent(
                text(node, "id"),
                text(node, "type"),
                text(node, "source"),
                text(node, "subject"),
                OffsetDateTime.parse(text(node, "time")),
                text(node, "jurisdiction"),
                text(node, "corpsunit"),
                text(node, "agency"),
                text(node, "severity"),
                text(node, "sharing"),
                text(node, "partners"),
                node.get("data"),
                node);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
