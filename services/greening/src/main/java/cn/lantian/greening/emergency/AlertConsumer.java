package cn.lantian.greening.emergency;

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
 * and downgraded put a level's measures in force, lifted ends them. Each event id is handled once, in one transaction
 * with its work; what breaks the contract or names an unknown county is dead-lettered with the reason.
 */
@Configuration
class AlertConsumer {

    static final String CONSUMER = "greening-alerts";
    private static final String PREFIX = "lantian.air-quality.alert-";

    @Bean
    Consumer<Message<byte[]>> alerts(
            IncomingEvents incoming, ProcessedEvents processed, EmergencyService emergency, TransactionalOperator tx) {
        return message -> {
            byte[] body = message.getHeaders().get("sourceData") instanceof org.springframework.amqp.core.Message m
                    ? m.getBody()
                    : message.getPayload();
            IncomingEvent event = incoming.parse(body);
            if (!event.type().startsWith(PREFIX)) {
                return;
            }
            var data = event.data();
            Mono<Void> work = event.type()
                            .startsWith(PREFIX + "lifted.v") // v1 and v2 alike: v2 adds only the drill mark
                    ? emergency.lift(data.get("alertId").asString())
                    : emergency.inForce(new EmergencyService.Alert(
                            data.get("alertId").asString(),
                            data.get("county").asString(),
                            data.get("level").asString(),
                            OffsetDateTime.parse(data.get("effectiveFrom").asString())
                                    .toInstant()));
            tx.transactional(processed
                            .firstDelivery(CONSUMER, event.id())
                            .flatMap(first -> first ? work : Mono.<Void>empty()))
                    .block();
        };
    }
}
