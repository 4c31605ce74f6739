package cn.lantian.stationary.emergency;

import cn.lantian.stationary.messaging.BrokerPublisher;
import cn.lantian.web.Forbidden;
import cn.lantian.web.InboundJson;
import cn.lantian.web.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * 15-minute electricity values arriving by AMQP (binding {@code electricity-in-0}, configured in YAML): a body of JSON
 * lines, one {@code {"lineId","at","kw"}} object per line. A message is taken whole through the same checks as the
 * upload and acknowledged once committed; a bad message fails with {@link InvalidInput} naming each field, and the
 * binder dead-letters it with that reason.
 */
@Configuration
class ElectricityMessages {

    @Bean
    Consumer<Message<byte[]>> electricity(ElectricityIntake intake, InboundJson inbound) {
        // Read as strictly as a request body: a field the meters' format does not name rejects the message.
        ObjectMapper json = inbound.mapper();
        return message -> {
            String[] lines = new String(message.getPayload(), StandardCharsets.UTF_8).split("\n");
            List<ElectricityIntake.ElectricityInput> values = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    values.add(json.readValue(lines[i], ElectricityIntake.ElectricityInput.class));
                } catch (JacksonException e) {
                    throw InvalidInput.of("line " + (i + 1), "not an electricity value: " + e.getOriginalMessage());
                }
            }
            if (values.isEmpty()) {
                throw InvalidInput.of("body", "holds no value");
            }
            BrokerPublisher.attempt(intake.take(BrokerPublisher.CALLER, values), InvalidInput.class, Forbidden.class);
        };
    }
}
