package cn.lantian.stationary.monitoring;

import cn.lantian.stationary.messaging.BrokerPublisher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.ObjectMapper;

/**
 * Hourly CEMS values arriving by AMQP (binding {@code cems-in-0}, configured in YAML): a message body is JSON lines,
 * one reading per line in the upload's format (a single reading is a one-line message), or CSV when the content type
 * is {@code text/csv}. A message is taken whole, through the same checks, conversion, rules and outbox as an upload,
 * and acknowledged only once its transaction committed; a message with any bad line throws {@link RejectedReadings}
 * naming every line, so the binder dead-letters it whole with that reason and stores none of it.
 */
@Configuration
class CemsMessages {

    private static final Logger LOG = LoggerFactory.getLogger(CemsMessages.class);

    @Bean
    Consumer<Message<byte[]>> cems(CemsIngest ingest, ObjectMapper json) {
        ReadingParser parser = new ReadingParser(json, ingest.tables());
        return message -> {
            String body = new String(message.getPayload(), StandardCharsets.UTF_8);
            if (body.isBlank()) {
                throw new RejectedReadings(List.of(new Rejection(1, "body", "holds no reading")));
            }
            ReadingParser.Parsed parsed = BrokerPublisher.isCsv(message) ? parser.csv(body) : parser.jsonLines(body);
            IngestReport report =
                    BrokerPublisher.attempt(ingest.ingestAll(BrokerPublisher.CALLER, parsed), RejectedReadings.class);
            if (report != null && !report.unpermitted().isEmpty()) {
                // Stored and judged against no limit; the upload's report would list them, a message has no answer.
                LOG.warn(
                        "CEMS message stored {} values of outlets without a valid permit at their hour, first {}",
                        report.unpermitted().size(),
                        report.unpermitted().get(0));
            }
        };
    }
}
