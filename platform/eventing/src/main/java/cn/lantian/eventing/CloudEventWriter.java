package cn.lantian.eventing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes an {@link OutgoingEvent} as a CloudEvents 1.0 structured JSON document with Lantian's extensions. */
final class CloudEventWriter {

    private final ObjectMapper json;
    private final String source;

    CloudEventWriter(ObjectMapper json, String source) {
        this.json = json;
        this.source = source;
    }

    ObjectNode write(OutgoingEvent event) {
        ObjectNode node = json.createObjectNode();
        node.put("specversion", "1.0");
        node.put("id", UUID.randomUUID().toString());
        node.put("source", source);
        node.put("type", event.type());
        if (event.subject() != null) {
            node.put("subject", event.subject());
        }
        node.put(
                "time",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time().atOffset(ZoneOffset.UTC)));
        node.put("datacontenttype", "application/json");
        node.put("jurisdiction", event.jurisdiction());
        putIfPresent(node, "corpsunit", event.corpsUnit());
        putIfPresent(node, "agency", event.agency());
        putIfPresent(node, "severity", event.severity());
        putIfPresent(node, "sharing", event.sharing());
        if (!event.partners().isEmpty()) {
            node.put("partners", String.join(" ", event.partners()));
        }
        node.set("data", json.valueToTree(event.data()));
        return node;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
