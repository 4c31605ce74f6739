package cn.lantian.stationary.emergency;

import cn.lantian.eventing.BatchConsumer;
import cn.lantian.eventing.EventConsumers;
import cn.lantian.eventing.IncomingEvent;
import java.time.OffsetDateTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Consumes the air-quality service's alert events (binding {@code alerts-in-0}, configured in YAML) on the platform's
 * batch consumer: issued, upgraded and downgraded put a level in force, lifted ends it. Each event id is handled once,
 * in one transaction with its work; an event that breaks the contract is dead-lettered with the reason
 * ({@code x-lantian-reason}) and never holds up the good ones of its batch.
 */
@Configuration
class AlertConsumer {

    static final String CONSUMER = "stationary-alerts";

    @Bean
    BatchConsumer alerts(EventConsumers consumers, EmergencyService emergency) {
        // In arrival order: an upgrade or a lift follows the alert it changes.
        return consumers.batch(consumers.once(
                CONSUMER,
                events -> Flux.fromIterable(events)
                        .concatMap(event -> handle(event, emergency))
                        .then()));
    }

    static Mono<Void> handle(IncomingEvent event, EmergencyService emergency) {
        // Version 1 and 2 alike: version 2 adds only the drill mark.
        String name = event.type().replace("lantian.air-quality.", "").replaceFirst("\\.v[12]$", "");
        if (!name.startsWith("alert-")) {
            return Mono.empty();
        }
        var data = event.data();
        return switch (name) {
            case "alert-lifted" -> emergency.lift(data.get("alertId").asString());
            default ->
                emergency.inForce(new EmergencyService.Alert(
                        data.get("alertId").asString(),
                        data.get("county").asString(),
                        data.get("level").asString(),
                        OffsetDateTime.parse(data.get("effectiveFrom").asString())
                                .toInstant()));
        };
    }
}
