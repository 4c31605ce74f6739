package cn.lantian.dust.idleland;

import cn.lantian.eventing.IncomingEvent;
import cn.lantian.eventing.IncomingEvents;
import cn.lantian.eventing.ProcessedEvents;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Consumes {@code lantian.greening.idle-land-task-completed.v1} (binding {@code greening-in-0}): closes the task,
 * once per event id, in one transaction with the record of its delivery. An event that breaks the contract throws, so
 * the binder dead-letters it with the reason.
 */
@Configuration
class GreeningConsumer {

    static final String CONSUMER = "dust-greening";
    static final String COMPLETED = "lantian.greening.idle-land-task-completed.v1";
    private static final Logger LOG = LoggerFactory.getLogger(GreeningConsumer.class);

    @Bean
    Consumer<Message<byte[]>> greening(
            IncomingEvents incoming, ProcessedEvents processed, IdleLandService service, TransactionalOperator tx) {
        return message -> {
            IncomingEvent event = incoming.parse(structured(message));
            if (!COMPLETED.equals(event.type())) {
                return;
            }
            var data = event.data();
            String taskId = data.get("taskId").asString();
            Mono<Boolean> work = service.complete(
                    taskId,
                    data.get("parcelId").asString(),
                    data.get("outcome").asString(),
                    LocalDate.parse(data.get("completedOn").asString()));
            tx.transactional(processed
                            .firstDelivery(CONSUMER, event.id())
                            .flatMap(first -> first ? work : Mono.just(true))
                            .doOnNext(closed -> {
                                if (!closed) {
                                    LOG.info(
                                            "Idle-land task {} completed by greening is not an open task here", taskId);
                                }
                            }))
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
}
