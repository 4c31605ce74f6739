package cn.lantian.airquality.observation;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Observations over AMQP (binding {@code observationBatches-in-0}, configured in YAML): each message is one batch, CSV when
 * its content type is {@code text/csv}, JSON lines otherwise, and takes the same path as the HTTP batch. The message is
 * acknowledged only after the batch's transaction committed; a batch that is invalid or names an unknown station
 * propagates its {@code InvalidInput}, which the binder dead-letters with the reason (one attempt: it never heals).
 * The feed carries no caller token: it is for the monitoring network's own data links, which the broker's
 * credentials admit, so no jurisdiction check applies.
 * Not on platform/eventing's BatchConsumer: its messages are raw data batches, not contract events with ids, so its
 * contract check and event-id idempotency do not apply (the upsert makes a redelivery harmless).
 */
@Configuration(proxyBeanMethods = false)
class ObservationFeed {

    @Bean
    Consumer<Message<byte[]>> observationBatches(ObservationIntake intake) {
        return message -> {
            Object type = message.getHeaders().get("contentType");
            MimeType mime = type == null ? MimeTypeUtils.APPLICATION_JSON : MimeType.valueOf(type.toString());
            var batch = ObservationIntake.parse(
                    mime.getSubtype(), new String(message.getPayload(), StandardCharsets.UTF_8));
            intake.ingest(batch, station -> null).block();
        };
    }
}
