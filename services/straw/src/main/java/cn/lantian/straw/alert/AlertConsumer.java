package cn.lantian.straw.alert;

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
 * with its work; an event that breaks the contract propagates its exception, so the binder dead-letters it with the
 * reason.
 */
@Configuration
class AlertConsumer {

    static final String CONSUMER = "straw-alerts";

    @Bean
    Consumer<Message<byte[]>> alerts(
            IncomingEvents incoming, ProcessedEvents processed, AlertMeasures measures, TransactionalOperator tx) {
        return message -> handle(incoming.parse(structured(message)), processed, measures, tx)
                .block();
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

    static Mono<Void> handle(
            IncomingEvent event, ProcessedEvents processed, AlertMeasures measures, TransactionalOperator tx) {
        // Version 1 and 2 alike: version 2 adds only the drill mark.
        String name = event.type().replace("lantian.air-quality.", "").replaceFirst("\\.v[12]$", "");
        if (!name.startsWith("alert-")) {
            return Mono.empty();
        }
        var data = event.data();
        String alertId = data.get("alertId").asString();
        // When the change takes effect, as the alert states it: the measures end when the lift takes effect, not when
        // this service hears of it, so that incidents are flagged by the alert's own times.
        java.time.Instant effective =
                OffsetDateTime.parse(data.get("effectiveFrom").asString()).toInstant();
        Mono<Void> work = switch (name) {
            case "alert-lifted" -> measures.lift(alertId, effective);
            default ->
                measures.inForce(new AlertMeasures.Alert(
                        alertId,
                        data.get("county").asString(),
                        data.get("level").asString(),
                        effective));
        };
        return tx.transactional(
                processed.firstDelivery(CONSUMER, event.id()).flatMap(first -> first ? work : Mono.empty()));
    }
}
