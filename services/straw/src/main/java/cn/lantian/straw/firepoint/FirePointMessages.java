package cn.lantian.straw.firepoint;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import cn.lantian.straw.access.StrawAccess;
import cn.lantian.web.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.util.retry.Retry;

/**
 * FIRMS rows arriving by AMQP (binding {@code firePoints-in-0}, exchange {@code lantian.straw.fire-points}, configured
 * in YAML): a message body is a FIRMS CSV with its header, taken whole through the same placement, merging and outbox
 * as an upload, and acknowledged once its transaction committed. A message with no FIRMS header or any bad row
 * throws {@link RejectedMessage} naming every bad line, so the binder dead-letters it whole with that reason; rows
 * outside the prefecture or of a static source are skipped, as in an upload. Passing failures are retried twice.
 */
@Configuration
class FirePointMessages {

    /**
     * The writer of rows taken from the exchange: messages carry no token; the broker's own users and permissions
     * decide who may publish (the agency's satellite feed), and the feed covers the whole prefecture.
     */
    static final Caller FEED =
            new Caller("amqp-firms-feed", Set.of(StrawAccess.AGENCY), "prefecture", Jurisdictions.PREFECTURE, true);

    private static final Logger LOG = LoggerFactory.getLogger(FirePointMessages.class);
    private static final int MAX_REASONS = 20;

    @Bean
    Consumer<Message<byte[]>> firePoints(FirePointImport imports) {
        return message -> {
            String body = new String(message.getPayload(), StandardCharsets.UTF_8);
            FirmsParser.Parsed parsed;
            try {
                parsed = FirmsParser.parse(body);
            } catch (InvalidInput e) {
                throw new RejectedMessage("not a FIRMS CSV: " + e.getMessage());
            }
            if (!parsed.rejected().isEmpty()) {
                throw new RejectedMessage(parsed.rejected().stream()
                        .limit(MAX_REASONS)
                        .map(r -> "line " + r.line() + " " + r.reason())
                        .collect(Collectors.joining("; ")));
            }
            ImportReport report = imports.store(FEED, parsed)
                    .retryWhen(Retry.backoff(2, Duration.ofMillis(200))
                            .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                    .block();
            if (report != null) {
                LOG.info(
                        "FIRMS message: {} rows, {} incidents opened, {} merged, skipped {}",
                        report.rows(),
                        report.accepted(),
                        report.merged(),
                        report.skipped());
            }
        };
    }
}
