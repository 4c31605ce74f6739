package cn.lantian.portal.emergency;

import cn.lantian.contract.EventContract;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes the domains' {@code emergency-measures-activated} and {@code emergency-measures-ended} events (binding
 * {@code alertMeasures-in-0}) into {@link DomainMeasures}. An event that breaks the contract is refused with the
 * reasons, which dead-letters it; a redelivered event changes nothing (the measures are a set).
 */
@Configuration
class MeasureEvents {

    @Bean
    Consumer<Message<byte[]>> alertMeasures(EventContract contract, DomainMeasures measures) {
        JsonMapper json = JsonMapper.builder().build();
        return message -> apply(contract, measures, json, rawBody(message));
    }

    static void apply(EventContract contract, DomainMeasures measures, JsonMapper json, byte[] body) {
        List<String> violations = contract.violations(body);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("not a valid Lantian event: " + String.join("; ", violations));
        }
        JsonNode event = json.readTree(body);
        String[] type = event.get("type").asString().split("\\.");
        if (type.length != 4 || !DomainMeasures.DOMAINS.contains(type[1])) {
            return;
        }
        JsonNode data = event.get("data");
        String alertId = data.path("alertId").asString("");
        if (alertId.isEmpty()) {
            return;
        }
        List<String> named = new ArrayList<>();
        // Greening names each measure as an object with its text; the other domains as text.
        data.path("measures")
                .forEach(m -> named.add(m.isObject() ? m.path("measure").asString() : m.asString()));
        switch (type[2]) {
            case "emergency-measures-activated" ->
                measures.activated(
                        alertId,
                        type[1],
                        data.path("level").asString(),
                        event.path("subject").asString(""),
                        named);
            case "emergency-measures-ended" ->
                measures.ended(alertId, type[1], data.path("reason").asString(), named);
            default -> {}
        }
    }

    /** The message as published: the binder turns a structured CloudEvent into binary mode before the function. */
    private static byte[] rawBody(Message<byte[]> message) {
        return message.getHeaders().get("sourceData") instanceof org.springframework.amqp.core.Message amqp
                ? amqp.getBody()
                : message.getPayload();
    }
}
