package cn.lantian.dust.monitor;

import cn.lantian.web.FieldError;
import cn.lantian.web.InboundJson;
import cn.lantian.web.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Site monitor readings arriving by AMQP on {@code lantian.dust.readings} (binding {@code readings-in-0}, routing key
 * {@code site-monitor.readings}): the body is JSON lines, one reading per line in the batch endpoint's shape. A message
 * is taken whole through the same checks, rules and outbox as a batch, and acknowledged once its transaction
 * committed; a message with any bad line throws {@link RejectedMessage} naming each line, so the binder dead-letters it
 * whole with that reason and nothing of it is stored. Lines are read as strictly as the batch endpoint's body
 * ({@link InboundJson}): a field the format does not name rejects the message.
 */
@Configuration
class ReadingMessages {

    @Bean
    Consumer<Message<byte[]>> readings(MonitorIngest ingest, InboundJson inbound, Clock clock) {
        ObjectMapper json = inbound.mapper();
        return message -> {
            List<ReadingInput> inputs = parse(new String(message.getPayload(), StandardCharsets.UTF_8), json);
            try {
                List<Reading> readings = ReadingChecks.check(inputs, clock);
                ingest.ingest(MonitorIngest.BROKER, readings)
                        // A passing failure (database away, a deadlock) is tried twice more; bad input is final.
                        .retryWhen(Retry.backoff(2, Duration.ofMillis(200))
                                .filter(e -> !(e instanceof InvalidInput))
                                .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                        .block();
            } catch (InvalidInput e) {
                throw new RejectedMessage(lines(e.errors()));
            }
        };
    }

    /** The readings of a JSON-lines body; a line that is no reading object rejects the message. */
    static List<ReadingInput> parse(String body, ObjectMapper json) {
        if (body.isBlank()) {
            throw new RejectedMessage("line 1 body: holds no reading");
        }
        List<ReadingInput> inputs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = body.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                inputs.add(json.readValue(lines[i], ReadingInput.class));
            } catch (UnrecognizedPropertyException e) {
                problems.add("line " + (i + 1) + " " + e.getPropertyName() + ": is not a known field");
            } catch (JacksonException e) {
                problems.add("line " + (i + 1) + " line: not a reading object of the documented shape");
            }
        }
        if (!problems.isEmpty()) {
            throw new RejectedMessage(String.join("; ", problems));
        }
        return inputs;
    }

    /** "[3].pm10" becomes "line 4 pm10". */
    private static String lines(List<FieldError> errors) {
        return errors.stream()
                .map(e -> {
                    String field = e.field();
                    if (field.startsWith("[")) {
                        int close = field.indexOf(']');
                        int index = Integer.parseInt(field.substring(1, close));
                        String rest = field.substring(close + 1).replaceFirst("^\\.", "");
                        return "line " + (index + 1) + " " + (rest.isEmpty() ? "line" : rest) + ": " + e.reason();
                    }
                    return field + ": " + e.reason();
                })
                .collect(Collectors.joining("; "));
    }
}
