package cn.lantian.stationary.emergency;

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
 * Consumes the air-quality service's alert events (binding {@code alerts-in-0}, configured in YAML): issued, upgraded
 * and downgraded put a level in force, lifted ends it. Each event id is handled once, in one transaction with its work;
 * an event that breaks the contract propagates its exception so the binder dead-letters it with the reason.
 */
@Configuration
class AlertConsumer {

    static final String CONSUMER = "stationary-alerts";

    @Bean
    Consumer<Message<byte[]>> alerts(
            IncomingEvents incoming, ProcessedEvents processed, EmergencyService emergency, TransactionalOperator tx) {
        return message -> {
            IncomingEvent event = incoming.parse(message);
            handle(event, processed, emergency, tx).block();
        };
    }

    static Mono<Void> handle(
            IncomingEvent event, ProcessedEvents processed, EmergencyService emergency, TransactionalOperator tx) {
        String name = event.type().replace("lantian.air-quality.", "").replace(".v1", "");
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
        return tx.transactional(
                processed.firstDelivery(CONSUMER, event.id()).flatMap(first -> first ? work : Mono.empty()));
    }
}
