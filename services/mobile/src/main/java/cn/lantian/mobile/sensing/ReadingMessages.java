package cn.lantian.mobile.sensing;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import reactor.util.retry.Retry;
import tools.jackson.databind.ObjectMapper;

/**
 * Readings arriving by AMQP (binding {@code readings-in-0} on exchange {@code lantian.mobile.readings}, routing key
 * {@code remote-sensing}, configured in YAML): a body of JSON lines, or CSV when the content type is
 * {@code text/csv}. A message is taken whole through the same checks, rules and outbox as an upload and acknowledged
 * once its transaction committed; a message with any bad line throws {@link RejectedReadings} naming every line, so
 * the binder dead-letters it with that reason and stores none of it.
 */
@Configuration
class ReadingMessages {

    /**
     * The writer of readings taken from the exchange. Messages carry no token: the broker's credentials decide who
     * may publish there (remote-sensing stations and the traffic police's systems), for any place of the prefecture.
     */
    static final Caller CALLER =
            new Caller("amqp-readings", Set.of("traffic-police"), "prefecture", Jurisdictions.PREFECTURE, true);

    @Bean
    Consumer<Message<byte[]>> readings(ReadingIngest ingest, ObjectMapper json) {
        ReadingParser parser = new ReadingParser(json);
        return message -> {
            String body = new String(message.getPayload(), StandardCharsets.UTF_8);
            if (body.isBlank()) {
                throw new RejectedReadings(List.of(new Rejection(1, "body", "holds no reading")));
            }
            Object type = message.getHeaders().get(MessageHeaders.CONTENT_TYPE);
            boolean csv = type != null && type.toString().startsWith("text/csv");
            ReadingParser.Parsed parsed = csv ? parser.csv(body) : parser.jsonLines(body);
            // Passing failures (database away, a deadlock) are tried twice more; bad input is final at once.
            ingest.ingest(CALLER, parsed)
                    .retryWhen(Retry.backoff(2, Duration.ofMillis(200))
                            .filter(e -> !(e instanceof RejectedReadings))
                            .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                    .block();
        };
    }
}
