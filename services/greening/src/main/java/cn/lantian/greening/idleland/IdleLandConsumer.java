package cn.lantian.greening.idleland;

import cn.lantian.eventing.IncomingEvent;
import cn.lantian.eventing.IncomingEvents;
import cn.lantian.eventing.ProcessedEvents;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Consumes {@code lantian.dust.idle-land-task-opened.v1} (binding {@code idleLand-in-0}, configured in YAML). Each event
 * id is handled once, in one transaction with the stored task; an event that breaks the contract or names an unknown
 * place propagates its exception, so the binder dead-letters it with the reason.
 */
@Configuration
class IdleLandConsumer {

    static final String CONSUMER = "greening-idle-land";
    static final String TYPE = "lantian.dust.idle-land-task-opened.v1";

    @Bean
    Consumer<Message<byte[]>> idleLand(
            IncomingEvents incoming, ProcessedEvents processed, IdleLandService service, TransactionalOperator tx) {
        return message -> {
            IncomingEvent event = incoming.parse(structured(message));
            if (!TYPE.equals(event.type())) {
                return;
            }
            IdleLandTask task = task(event);
            tx.transactional(processed
                            .firstDelivery(CONSUMER, event.id())
                            .flatMap(first ->
                                    first ? service.receive(task, false).then() : Mono.<Void>empty()))
                    .block();
        };
    }

    /**
     * The event as it travelled: Spring Cloud Function turns an {@code application/cloudevents+json} message into
     * binary mode (envelope to ce-* headers, payload = data only), so the original AMQP body is read instead.
     */
    static byte[] structured(Message<byte[]> message) {
        return message.getHeaders().get("sourceData") instanceof org.springframework.amqp.core.Message original
                ? original.getBody()
                : message.getPayload();
    }

    static IdleLandTask task(IncomingEvent event) {
        JsonNode d = event.data();
        JsonNode location = d.get("location");
        return new IdleLandTask(
                d.get("taskId").asString(),
                d.get("parcelId").asString(),
                d.get("areaM2").asDouble(),
                LocalDate.parse(d.get("idleSince").asString()),
                LocalDate.parse(d.get("dueBy").asString()),
                d.get("rule").asString(),
                d.hasNonNull("address") ? d.get("address").asString() : null,
                location == null ? null : location.get("lon").asDouble(),
                location == null ? null : location.get("lat").asDouble(),
                event.jurisdiction(),
                event.corpsUnit(),
                "received",
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
