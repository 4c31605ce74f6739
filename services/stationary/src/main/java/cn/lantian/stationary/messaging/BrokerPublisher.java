package cn.lantian.stationary.messaging;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import cn.lantian.stationary.access.PermitAccess;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Who writes the readings that arrive by AMQP, how their bodies are told apart, and how their work is attempted. */
public final class BrokerPublisher {

    /**
     * The writer of readings taken from the readings exchange. Messages carry no token: the broker's own credentials
     * and permissions decide who may publish there (CEMS gateways and agency systems), so a message may write for any
     * outlet of the prefecture, as long as it names an outlet that exists.
     */
    public static final Caller CALLER =
            new Caller("amqp-readings", Set.of(PermitAccess.AGENCY), "prefecture", Jurisdictions.PREFECTURE, true);

    private BrokerPublisher() {}

    /**
     * Runs a message's work, again twice after a short pause when it fails for a passing reason (database away, a
     * deadlock); input errors are final at once. Each attempt is its own transaction.
     */
    @SafeVarargs
    public static <T> T attempt(Mono<T> work, Class<? extends RuntimeException>... finalErrors) {
        return work.retryWhen(Retry.backoff(2, Duration.ofMillis(200))
                        .filter(e -> Arrays.stream(finalErrors).noneMatch(f -> f.isInstance(e)))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .block();
    }

    /** Whether the message declares a CSV body (anything else is read as JSON lines). */
    public static boolean isCsv(Message<?> message) {
        Object type = message.getHeaders().get(MessageHeaders.CONTENT_TYPE);
        return type != null && type.toString().startsWith("text/csv");
    }
}
