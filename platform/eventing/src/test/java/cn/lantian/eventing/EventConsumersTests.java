package cn.lantian.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.core.publisher.Mono;

class EventConsumersTests {

    private final EventConsumers consumers = new EventConsumers(null, null, null, null, Duration.ofSeconds(5));

    @Test
    void aBatchThatCannotReachItsDatabaseGoesBackToTheQueueInsteadOfBeingDeadLettered() {
        BatchHandler handler = consumers.wholeThenAlone(
                batch -> Mono.error(new CannotCreateTransactionException("Could not open R2DBC Connection")),
                event -> Mono.error(new CannotCreateTransactionException("Could not open R2DBC Connection")));

        assertThatThrownBy(() -> handler.handle(List.of(event("a"), event("b"))))
                .isInstanceOf(CannotCreateTransactionException.class);
    }

    @Test
    void anEventThatFailsForItsOwnReasonIsRefusedAloneWhileTheOthersPass() {
        BatchHandler handler = consumers.wholeThenAlone(
                batch -> Mono.error(new IllegalArgumentException("one of them is bad")),
                event -> event.id().equals("bad")
                        ? Mono.error(new IllegalArgumentException("no such outlet"))
                        : Mono.just(1));

        List<BatchHandler.Refusal> refused = handler.handle(List.of(event("good"), event("bad")));

        assertThat(refused).extracting(BatchHandler.Refusal::eventId).containsExactly("bad");
    }

    private static IncomingEvent event(String id) {
        return new IncomingEvent(
                id,
                "lantian.stationary.emission-limit-exceeded.v1",
                "/lantian/stationary",
                "outlet/x/DA001",
                OffsetDateTime.now(),
                "653101",
                null,
                "ecology",
                null,
                null,
                null,
                null,
                null);
    }
}
