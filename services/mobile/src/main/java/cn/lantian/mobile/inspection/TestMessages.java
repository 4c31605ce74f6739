package cn.lantian.mobile.inspection;

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
 * Tests arriving by AMQP (binding {@code inspections-in-0} on exchange {@code lantian.mobile.readings}, routing key
 * {@code inspection}, configured in YAML): a JSON array of tests, or CSV when the content type is {@code text/csv}.
 * A message is taken whole through the same checks, closed loop, signals and outbox as an upload and acknowledged once
 * its transaction committed; a message with any bad row throws {@link RejectedTests} naming every row, so the binder
 * dead-letters it with that reason and stores none of it.
 */
@Configuration
class TestMessages {

    /**
     * The writer of tests taken from the exchange. Messages carry no token: the broker's credentials decide who may
     * publish there (the stations' upload platform of HJ 1238-2021), for any station of the prefecture.
     */
    static final Caller CALLER =
            new Caller("amqp-inspections", Set.of("ecology"), "prefecture", Jurisdictions.PREFECTURE, true);

    @Bean
    Consumer<Message<byte[]>> inspections(TestIngest ingest, ObjectMapper json) {
        TestRows rows = new TestRows(json);
        return message -> {
            String body = new String(message.getPayload(), StandardCharsets.UTF_8);
            if (body.isBlank()) {
                throw new RejectedTests(
                        List.of(new RowError(1, List.of(new cn.lantian.web.FieldError("body", "holds no test")))));
            }
            Object type = message.getHeaders().get(MessageHeaders.CONTENT_TYPE);
            boolean csv = type != null && type.toString().startsWith("text/csv");
            TestRows.Parsed parsed;
            try {
                parsed = csv ? rows.csv(body) : rows.json(body);
            } catch (cn.lantian.web.InvalidInput e) {
                throw new RejectedTests(List.of(new RowError(1, e.errors())));
            }
            if (!parsed.rejected().isEmpty()) {
                throw new RejectedTests(parsed.rejected());
            }
            if (parsed.tests().isEmpty()) {
                throw new RejectedTests(
                        List.of(new RowError(1, List.of(new cn.lantian.web.FieldError("body", "holds no test")))));
            }
            // Passing failures (database away, a deadlock) are tried twice more; bad input is final at once.
            ingest.ingest(CALLER, parsed, true)
                    .retryWhen(Retry.backoff(2, Duration.ofMillis(200))
                            .filter(e -> !(e instanceof RejectedTests))
                            .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                    .block();
        };
    }
}
