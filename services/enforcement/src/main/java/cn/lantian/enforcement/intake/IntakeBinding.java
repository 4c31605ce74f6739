package cn.lantian.enforcement.intake;

import cn.lantian.eventing.EventConsumers;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Spring Cloud Stream batch consumer {@code findings}; destinations, group, routing keys and batching are
 * configured in {@code application.yaml}. The platform's consumer checks each message against the contract and
 * dead-letters a bad one with its reason; the good ones are handled in one transaction (one commit per batch), and if
 * that fails, one by one, so that only the ones that still fail are dead-lettered.
 */
@Configuration
class IntakeBinding {

    @Bean
    Consumer<Message<List<byte[]>>> findings(EventConsumers consumers, Intake intake) {
        return consumers.batch(consumers.wholeThenAlone(intake::handleAll, intake::handle));
    }
}
