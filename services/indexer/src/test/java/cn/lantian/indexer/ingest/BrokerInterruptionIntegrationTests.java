package cn.lantian.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.indexer.IndexerIntegrationSupport;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.amqp.health.RabbitHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Flux;

class BrokerInterruptionIntegrationTests extends IndexerIntegrationSupport {

    private static final int EVENTS = 10_000;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    MeterRegistry meters;

    @Test
    void brokerInterruptionInTheMiddleOfTenThousandEventsLosesNoneAndIndexesNoneTwice() throws Exception {
        String marker = marker();
        List<OutgoingEvent> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            events.add(firePoint(marker, "653125", null, null, List.of(), 77.26, 38.41));
        }
        // The first 2,000 flow before the cut, the rest are written while the broker is unreachable.
        List<String> ids = new ArrayList<>(append(events.subList(0, 2_000)));
        await().atMost(Duration.ofSeconds(60)).until(() -> countIndexed(marker) >= 1_000);

        BROKER.down();
        Flux.fromIterable(events.subList(2_000, EVENTS))
                .buffer(1_000)
                .toStream()
                .forEach(chunk -> ids.addAll(append(chunk)));
        RabbitHealthIndicator rabbitHealth = new RabbitHealthIndicator(rabbit);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rabbitHealth.health().getStatus().equals(Status.DOWN));
        long duringOutage = countIndexed(marker);
        assertThat(duringOutage).isLessThan(EVENTS);
        BROKER.up();

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> countIndexed(marker) >= EVENTS);
        assertThat(ids).doesNotHaveDuplicates().hasSize(EVENTS);
        // Exactly the events written, each once: none lost, none indexed twice.
        assertThat(indexedIds(marker)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(countIndexed(marker)).isEqualTo(EVENTS);
    }

    @Test
    void redeliveredEventChangesNothing() throws Exception {
        String marker = marker();
        byte[] body = ("""
                {"specversion": "1.0", "id": "%s", "source": "/test/indexer", "type": "lantian.straw.fire-point-detected.v1",
                 "subject": "fire-point/%s", "time": "2024-11-12T09:00:00+08:00", "datacontenttype": "application/json",
                 "jurisdiction": "653125", "agency": "agriculture",
                 "data": {"firePointId": "%s", "location": {"lon": 77.2, "lat": 38.4}, "acquiredAt": "2024-10-20T07:42:00Z"}}
                """.formatted(marker, marker, marker)).getBytes(StandardCharsets.UTF_8);
        double duplicatesBefore = meters.counter("lantian.indexer.duplicates").count();
        MessageProperties props = new MessageProperties();
        props.setContentType("application/cloudevents+json");
        rabbit.send("lantian.straw", "lantian.straw.fire-point-detected.v1", new Message(body, props));
        await().atMost(Duration.ofSeconds(10)).until(() -> countIndexed(marker) == 1);

        rabbit.send("lantian.straw", "lantian.straw.fire-point-detected.v1", new Message(body, props));
        rabbit.send("lantian.straw", "lantian.straw.fire-point-detected.v1", new Message(body, props));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.counter("lantian.indexer.duplicates").count() >= duplicatesBefore + 2);

        assertThat(countIndexed(marker)).isEqualTo(1);
        // In the index of the event's own month (UTC), two years back, where every replay lands again.
        String month = layout.index("straw", java.time.OffsetDateTime.parse("2024-11-12T09:00:00+08:00"));
        assertThat(month).endsWith("events-straw-2024.11");
        var doc = es.get(g -> g.index(month).id(marker), Map.class);
        assertThat(doc.found()).isTrue();
        assertThat(doc.version()).isEqualTo(1L);
    }

    /** Every indexed id carrying the marker, page by page in id order. */
    @SuppressWarnings("rawtypes")
    private List<String> indexedIds(String marker) throws Exception {
        List<String> found = new ArrayList<>();
        String after = null;
        while (true) {
            String from = after;
            SearchResponse<Map> page = es.search(
                    s -> {
                        s.index(layout.alias())
                                .size(5_000)
                                .source(src -> src.fetch(false))
                                .query(q -> q.match(m -> m.field("text").query(marker)))
                                .sort(o -> o.field(f -> f.field("id")));
                        if (from != null) {
                            s.searchAfter(co.elastic.clients.elasticsearch._types.FieldValue.of(from));
                        }
                        return s;
                    },
                    Map.class);
            if (page.hits().hits().isEmpty()) {
                return found;
            }
            page.hits().hits().forEach(h -> found.add(h.id()));
            after = page.hits().hits().get(page.hits().hits().size() - 1).id();
        }
    }
}
