package cn.lantian.indexer.index;

import cn.lantian.eventing.IncomingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The search document an event becomes: the CloudEvents attributes under their own names at the top level, the
 * domain, the jurisdictions that may see it ({@code visibleto}), a geo_point from {@code data.location}, one full-text
 * field over the subject and every text value of the payload, and the payload itself (stored, not indexed).
 *
 * @param id the event id, also the document id, so a redelivered event can never become a second document
 * @param domain the domain whose index receives it
 * @param time the event's own time, whose month picks the index
 * @param json the document as JSON
 */
public record EventDocument(String id, String domain, java.time.OffsetDateTime time, byte[] json) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Builds the document of a contract-checked event, stamped with the moment it is handed to Elasticsearch. */
    public static EventDocument of(IncomingEvent event, Instant indexedAt) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", event.id());
        doc.put("type", event.type());
        doc.put("source", event.source());
        putIfPresent(doc, "subject", event.subject());
        doc.put("time", event.envelope().get("time").asString());
        doc.put("jurisdiction", event.jurisdiction());
        putIfPresent(doc, "corpsunit", event.corpsUnit());
        putIfPresent(doc, "agency", event.agency());
        putIfPresent(doc, "severity", event.severity());
        doc.put("sharing", event.sharing() == null ? "local" : event.sharing());
        List<String> partners = partners(event.partners());
        ArrayNode partnerArray = doc.putArray("partners");
        partners.forEach(partnerArray::add);
        ArrayNode visible = doc.putArray("visibleto");
        visibleTo(event, partners).forEach(visible::add);
        doc.put("domain", event.domain());
        location(event.data()).ifPresent(point -> doc.set("location", point));
        doc.put("text", fullText(event));
        doc.set("data", event.data());
        doc.put("indexedat", indexedAt.toString());
        return new EventDocument(event.id(), event.domain(), event.time(), JSON.writeValueAsBytes(doc));
    }

    /** Who may see the event: where it lies, its Corps unit, and the partners it is shared with. */
    static Set<String> visibleTo(IncomingEvent event, List<String> partners) {
        Set<String> visible = new LinkedHashSet<>();
        visible.add(event.jurisdiction());
        if (event.corpsUnit() != null) {
            visible.add(event.corpsUnit());
        }
        visible.addAll(partners);
        return visible;
    }

    private static List<String> partners(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spaceSeparated.trim().split("\\s+")).distinct().toList();
    }

    private static java.util.Optional<ObjectNode> location(JsonNode data) {
        JsonNode location = data == null ? null : data.get("location");
        if (location == null
                || !location.path("lon").isNumber()
                || !location.path("lat").isNumber()) {
            return java.util.Optional.empty();
        }
        double lon = location.get("lon").asDouble();
        double lat = location.get("lat").asDouble();
        if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
            return java.util.Optional.empty();
        }
        ObjectNode point = JSON.createObjectNode();
        point.put("lat", lat);
        point.put("lon", lon);
        return java.util.Optional.of(point);
    }

    private static String fullText(IncomingEvent event) {
        List<String> words = new ArrayList<>();
        if (event.subject() != null) {
            words.add(event.subject());
        }
        words.add(event.type());
        collectText(event.data(), words);
        return String.join(" ", words);
    }

    private static void collectText(JsonNode node, List<String> words) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            words.add(node.asString());
        } else if (node.isContainer()) {
            node.values().forEach(child -> collectText(child, words));
        }
    }

    private static void putIfPresent(ObjectNode doc, String field, String value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}
