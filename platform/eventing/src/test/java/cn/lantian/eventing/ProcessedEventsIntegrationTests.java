package cn.lantian.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = EventingTestApplication.class, properties = "lantian.eventing.relay.enabled=false")
class ProcessedEventsIntegrationTests {

    @Autowired
    ProcessedEvents processed;

    @Test
    void aConsumerSeesAnEventOnlyOnceAndAnotherConsumerSeesItToo() {
        String id = UUID.randomUUID().toString();
        assertThat(processed.firstDelivery("indexer", id).block()).isTrue();
        assertThat(processed.firstDelivery("indexer", id).block()).isFalse();
        assertThat(processed.firstDelivery("enforcement", id).block()).isTrue();
    }

    @Test
    void aBatchReportsOnlyTheIdsThisConsumerHasNotSeenAndAnIdGivenTwiceCountsOnce() {
        String seen = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        processed.firstDelivery("indexer", seen).block();

        assertThat(processed
                        .firstDeliveries("indexer", List.of(fresh, seen, fresh))
                        .block())
                .containsExactly(fresh);
        assertThat(processed.firstDeliveries("indexer", List.of(fresh, seen)).block())
                .isEmpty();
        assertThat(processed.firstDeliveries("indexer", List.of()).block()).isEmpty();
    }
}
