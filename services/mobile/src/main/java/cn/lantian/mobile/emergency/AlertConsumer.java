package cn.lantian.mobile.emergency;

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
 * a level's traffic measures in force, lifted ends them. Each event id is handled once, in one transaction with its
 * work; an event that breaks the contract throws, so the binder dead-letters it with the reason.
 */
@Configuration
class AlertConsumer {

    static final String CONSUMER = "mobile-alerts";
    private static final String PREFIX = "lantian.air-quality.alert-";

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
        if (!event.type().startsWith(PREFIX)) {
            return Mono.empty();
        }
        var data = event.data();
        Mono<Void> work = event.type().startsWith(PREFIX + "lifted.v") // v1 and v2 alike: v2 adds only the drill mark
                ? emergency.lift(data.get("alertId").asString())
                : emergency.inForce(new EmergencyService.Alert(
                        data.get("alertId").asString(),
                        data.get("county").asString(),
                        data.get("level").asString(),
                        OffsetDateTime.parse(data.get("effectiveFrom").asString())
                                .toInstant()));
        return tx.transactional(processed
                        .firstDelivery(CONSUMER, event.id())
                        .flatMap(first -> first ? work.thenReturn(true) : Mono.just(false)))
                .then();
    }
}
