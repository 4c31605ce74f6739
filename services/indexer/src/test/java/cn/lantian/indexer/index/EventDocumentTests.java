package cn.lantian.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.contract.EventContract;
import cn.lantian.eventing.IncomingEvent;
import cn.lantian.eventing.IncomingEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventDocumentTests {

    private static final EventContract CONTRACT = EventContract.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final IncomingEvents events = new IncomingEvents(CONTRACT, JSON);

    @Test
    void keepsTheCloudEventsAttributesAtTheTopLevelUnderTheirOwnNames() {
        JsonNode doc = document(example("lantian.straw.fire-point-detected.v1"));

        assertThat(doc.get("id").asString()).isEqualTo("00000000-0000-4000-8000-000000000024");
        assertThat(doc.get("type").asString()).isEqualTo("lantian.straw.fire-point-detected.v1");
        assertThat(doc.get("source").asString()).isEqualTo("/lantian/straw");
        assertThat(doc.get("subject").asString()).isEqualTo("fire-point/fp-20241020-0031");
        assertThat(doc.get("time").asString()).isEqualTo("2024-11-12T09:00:00+08:00");
        assertThat(doc.get("jurisdiction").asString()).isEqualTo("653130");
        assertThat(doc.get("corpsunit").asString()).isEqualTo("xpcc-3-49");
        assertThat(doc.get("domain").asString()).isEqualTo("straw");
        assertThat(doc.get("severity").asString()).isEqualTo("major");
    }

    @Test
    void isVisibleToItsJurisdictionCorpsUnitAndPartnersOnce() {
        JsonNode doc = document(example("lantian.straw.fire-point-detected.v1"));

        assertThat(doc.get("visibleto").valueStream().map(JsonNode::asString)).containsExactly("653130", "xpcc-3-49");
        assertThat(doc.get("partners").valueStream().map(JsonNode::asString)).containsExactly("653130", "xpcc-3-49");
    }

    @Test
    void crossBoundaryPartnersJoinTheViewers() {
        ObjectNode event = example("lantian.stationary.emission-limit-exceeded.v1");
        event.put("sharing", "crossboundary");
        event.put("partners", "653125 653122");

        JsonNode doc = document(event);

        assertThat(doc.get("visibleto").valueStream().map(JsonNode::asString))
                .containsExactly("653101", "653125", "653122");
        assertThat(doc.get("sharing").asString()).isEqualTo("crossboundary");
    }

    @Test
    void takesTheGeoPointFromDataLocationAndLeavesItOutWithoutOne() {
        JsonNode located = document(example("lantian.stationary.emission-limit-exceeded.v1"));
        assertThat(located.get("location").get("lat").asDouble()).isEqualTo(39.41);
        assertThat(located.get("location").get("lon").asDouble()).isEqualTo(75.95);

        ObjectNode event = example("lantian.stationary.emission-limit-exceeded.v1");
        ((ObjectNode) event.get("data")).remove("location");
        assertThat(document(event).has("location")).isFalse();
    }

    @Test
    void fullTextHoldsTheSubjectAndEveryTextValueOfThePayload() {
        JsonNode doc = document(example("lantian.stationary.emission-limit-exceeded.v1"));

        assertThat(doc.get("text").asString())
                .contains("outlet/ent-jinling/DA001", "NOx", "环大气〔2019〕35号")
                .doesNotContain("72.4");
        assertThat(doc.get("sharing").asString()).isEqualTo("local");
    }

    private ObjectNode example(String type) {
        return (ObjectNode) CONTRACT.example(CONTRACT.type(type).orElseThrow()).deepCopy();
    }

    private JsonNode document(JsonNode event) {
        IncomingEvent parsed = events.parse(JSON.writeValueAsBytes(event));
        EventDocument doc = EventDocument.of(parsed, Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(doc.id()).isEqualTo(parsed.id());
        return JSON.readTree(doc.json());
    }
}
