package cn.lantian.dust.emergency;

import cn.lantian.eventing.IncomingEvent;
import cn.lantian.eventing.IncomingEvents;
import cn.lantian.eventing.ProcessedEvents;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Consumes the air-quality service's alert events (binding {@code alerts-in-0}): issued, upgraded and downgraded put
 * a level in force, lifted ends it. Each event id is handled once, in one transaction with its work; an event that
 * breaks the contract throws, so the binder dead-letters it with the reason.
 */
@Configuration
class AlertConsumer {

    static final String CONSUMER = "dust-alerts";

    @Bean
    Consumer<Message<byte[]>> alerts(
            IncomingEvents incoming, ProcessedEvents processed, EmergencyService emergency, TransactionalOperator tx) {
        return message -> handle(incoming.parse(structured(message)), processed, emergency, tx)
                .block();
    }

    /** The original AMQP body: Spring Cloud Function turns a CloudEvents message into binary mode otherwise. */
    static byte[] structured(Message<byte[]> message) {
        return message.getHeaders().get("sourceData") instanceof org.springframework.amqp.core.Message original
                ? original.getBody()
                : message.getPayload();
    }

    static Mono<Void> handle(
            IncomingEvent event, ProcessedEvents processed, EmergencyService emergency, TransactionalOperator tx) {
        // Version 1 and 2 alike: version 2 adds only the drill mark.
        String name = event.type().replace("lantian.air-quality.", "").replaceFirst("\\.v[12]$", "");
        if (!name.startsWith("alert-")) {
            return Mono.empty();
        }
        var data = event.data();
        Mono<Void> work = switch (name) {
            case "alert-lifted" -> emergency.lift(data.get("alertId").asString());
            default ->
                emergency.inForce(new EmergencyService.Alert(
                        data.get("alertId").asString(),
                        data.get("county").asString(),
                        data.get("level").asString(),
                        OffsetDateTime.parse(data.get("effectiveFrom").asString())
                                .toInstant()));
        };
        return tx.transactional(processed
                        .firstDelivery(CONSUMER, event.id())
                        .flatMap(first -> first ? work.thenReturn(true) : Mono.just(false)))
                .then();
    }
}
