package cn.lantian.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.indexer.IndexerIntegrationSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

class DeadLetterIntegrationTests extends IndexerIntegrationSupport {

    private static final String EXCHANGE = "lantian.straw";
    private static final String TYPE = "lantian.straw.fire-point-detected.v1";
    private static final String DLQ = deadLetterQueue("straw");

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void malformedMessageIsDeadLetteredWithItsReasonWhileValidOnesFlow() {
        String marker = marker();
        // Sent together so that they share batches: the bad ones must not take the good ones down with them.
        publish(event(marker + "-good-1", "\"jurisdiction\": \"653125\","));
        publish(event(marker + "-bad", ""));
        publish(("{ not json " + marker).getBytes(StandardCharsets.UTF_8));
        publish(event(marker + "-good-2", "\"jurisdiction\": \"653125\","));

        await().atMost(Duration.ofSeconds(10)).until(() -> countIndexed(marker) == 2);

        List<Message> ours = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Message m = rabbit.receive(DLQ, 200);
            if (m != null && new String(m.getBody(), StandardCharsets.UTF_8).contains(marker)) {
                ours.add(m);
            }
            return ours.size() == 2;
        });
        String missing = reasonOf(ours, marker + "-bad");
        assertThat(missing).contains("jurisdiction");
        String garbled = reasonOf(ours, "{ not json");
        assertThat(garbled).contains("not valid JSON");
        assertThat(ours.get(0).getMessageProperties().<String>getHeader("x-original-exchange"))
                .isEqualTo(EXCHANGE);
    }

    @Test
    void eventOnAnotherDomainsExchangeIsDeadLettered() {
        String marker = marker();
        rabbit.send("lantian.dust", TYPE, new Message(event(marker, "\"jurisdiction\": \"653125\","), properties()));
        Message[] found = new Message[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Message m = rabbit.receive(deadLetterQueue("dust"), 200);
            if (m != null && new String(m.getBody(), StandardCharsets.UTF_8).contains(marker)) {
                found[0] = m;
            }
            return found[0] != null;
        });
        assertThat(found[0].getMessageProperties().<String>getHeader("x-lantian-reason"))
                .contains("lantian.straw");
        assertThat(countIndexed(marker)).isZero();
    }

    private static String reasonOf(List<Message> messages, String bodyPart) {
        return messages.stream()
                .filter(m -> new String(m.getBody(), StandardCharsets.UTF_8).contains(bodyPart))
                .findFirst()
                .orElseThrow()
                .getMessageProperties()
                .getHeader("x-lantian-reason");
    }

    private void publish(byte[] body) {
        rabbit.send(EXCHANGE, TYPE, new Message(body, properties()));
    }

    private static MessageProperties properties() {
        MessageProperties props = new MessageProperties();
        props.setContentType("application/cloudevents+json");
        return props;
    }

    private static byte[] event(String id, String jurisdiction) {
        return ("""
                {"specversion": "1.0", "id": "%s", "source": "/test/indexer", "type": "%s",
                 "subject": "fire-point/%s", "time": "2024-11-12T09:00:00+08:00", "datacontenttype": "application/json",
                 %s "agency": "agriculture",
                 "data": {"firePointId": "%s", "location": {"lon": 77.2, "lat": 38.4}, "acquiredAt": "2024-10-20T07:42:00Z"}}
                """.formatted(id, TYPE, id, jurisdiction, id)).getBytes(StandardCharsets.UTF_8);
    }
}
