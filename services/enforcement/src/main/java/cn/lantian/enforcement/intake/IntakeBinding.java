package cn.lantian.enforcement.intake;

import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Spring Cloud Stream consumer {@code findings}; its destinations, group, routing keys and dead-lettering are
 * configured in {@code application.yaml}. It blocks on the listener thread so that the broker's acknowledgement
 * follows the commit, and lets contract violations propagate so the binder dead-letters them with the reason.
 */
@Configuration
class IntakeBinding {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Bean
    Consumer<Message<byte[]>> findings(Intake intake) {
        return message -> intake.handle(structured(message)).block(TIMEOUT);
    }

    /**
     * The event as it travelled. Spring Cloud Function turns an {@code application/cloudevents+json} message into
     * binary mode (attributes to headers, payload = data only), so the original AMQP body, which the binder keeps in
     * header {@code sourceData}, is the one to validate.
     */
    static byte[] structured(Message<byte[]> message) {
        return message.getHeaders().get("sourceData") instanceof org.springframework.amqp.core.Message original
                ? original.getBody() : message.getPayload();
    }
}
