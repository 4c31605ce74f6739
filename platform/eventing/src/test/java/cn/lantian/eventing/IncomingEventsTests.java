package cn.lantian.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.contract.EventContract;
import cn.lantian.reference.Placement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IncomingEventsTests {

    static final EventContract CONTRACT = EventContract.load();
    static final JsonMapper JSON = JsonMapper.builder().build();
    final IncomingEvents incoming = new IncomingEvents(CONTRACT, JSON);
    final CloudEventWriter writer = new CloudEventWriter(JSON, "/lantian/test");

    @Test
    void readsWhatTheOutboxWrites() {
        OutgoingEvent event = OutgoingEvent.of(
                "lantian.stationary.permit-issued.v1",
                "permit/P-9",
                new Placement("653130", "xpcc-3"),
                "ecology",
                Map.of("permitNumber", "P-9", "enterpriseId", "e", "validUntil", "2027-01-01"));
        IncomingEvent read = incoming.parse(writer.write(event).toString().getBytes());
        assertThat(read.type()).isEqualTo("lantian.stationary.permit-issued.v1");
        assertThat(read.domain()).isEqualTo("stationary");
        assertThat(read.jurisdiction()).isEqualTo("653130");
        assertThat(read.corpsUnit()).isEqualTo("xpcc-3");
        assertThat(read.sharing()).isEqualTo("joint");
        assertThat(read.source()).isEqualTo("/lantian/test");
        assertThat(read.data().get("permitNumber").asString()).isEqualTo("P-9");
    }

    @Test
    void readsTheWholeEnvelopeFromTheOriginalAmqpBodyWhenTheFunctionGotOnlyItsData() {
        OutgoingEvent event = OutgoingEvent.of(
                "lantian.stationary.permit-issued.v1",
                "permit/P-8",
                new Placement("653125", null),
                "ecology",
                Map.of("permitNumber", "P-8", "enterpriseId", "e", "validUntil", "2027-01-01"));
        byte[] structured = writer.write(event).toString().getBytes();
        org.springframework.messaging.Message<byte[]> binaryMode =
                org.springframework.messaging.support.MessageBuilder.withPayload(
                                "{\"permitNumber\":\"P-8\"}".getBytes())
                        .setHeader("sourceData", new org.springframework.amqp.core.Message(structured))
                        .build();

        assertThat(incoming.parse(binaryMode).subject()).isEqualTo("permit/P-8");
        assertThat(incoming.parse(org.springframework.messaging.support.MessageBuilder.withPayload(structured)
                                .build())
                        .jurisdiction())
                .isEqualTo("653125");
    }

    @Test
    void refusesGarbageWithAReason() {
        assertThatThrownBy(() -> incoming.parse("not json".getBytes()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void refusesAnEventWithoutJurisdictionNamingIt() {
        String body =
                "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/a\",\"type\":\"lantian.stationary.permit-issued.v1\","
                        + "\"time\":\"2024-01-01T00:00:00Z\",\"datacontenttype\":\"application/json\","
                        + "\"data\":{\"permitNumber\":\"p\",\"enterpriseId\":\"e\",\"validUntil\":\"2027-01-01\"}}";
        assertThatThrownBy(() -> incoming.parse(body.getBytes()))
                .isInstanceOfSatisfying(
                        InvalidEventException.class,
                        e -> assertThat(e.violations())
                                .anySatisfy(v -> assertThat(v).contains("jurisdiction")));
    }

    @Test
    void sharingAcrossABoundaryAddsPartnersOnce() {
        OutgoingEvent event = OutgoingEvent.of(
                        "lantian.stationary.permit-issued.v1",
                        "permit/P",
                        new Placement("653101", null),
                        "ecology",
                        Map.of())
                .sharedWith(java.util.List.of("653121", "653101", "653121"));
        assertThat(event.sharing()).isEqualTo("crossboundary");
        assertThat(event.partners()).containsExactly("653121");
    }
}
