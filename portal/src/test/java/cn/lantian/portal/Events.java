package cn.lantian.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.node.ObjectNode;

/** Publishes air-quality events to the real broker the way the air-quality relay does. */
final class Events {

    static final String EXCHANGE = "lantian.air-quality";
    static final String HOURLY = "lantian.air-quality.hourly-aqi-published.v1";

    private Events() {}

    /**
     * The contract's own example of {@code hourly-aqi-published.v1}, with a fresh id and the given station, hour and
     * index: the portal is fed exactly the shape air-quality publishes.
     */
    static String hourly(String station, Instant hour, int aqi, int category) {
        var contract = cn.lantian.contract.EventContract.load();
        ObjectNode event = (ObjectNode)
                contract.example(contract.type(HOURLY).orElseThrow()).deepCopy();
        event.put("id", UUID.randomUUID().toString())
                .put("subject", "station/" + station)
                .put("time", hour.toString());
        ((ObjectNode) event.get("data"))
                .put("stationId", station)
                .put("hour", hour.toString())
                .put("aqi", aqi)
                .put("category", category);
        return event.toString();
    }

    static String alertIssued(String county, String level) {
        return """
                {"specversion":"1.0","id":"%s","source":"/lantian/air-quality","type":"lantian.air-quality.alert-issued.v1",
                 "subject":"alert/alert-%s-live","time":"%s","datacontenttype":"application/json","jurisdiction":"%s",
                 "agency":"ecology","severity":"major","data":{"alertId":"alert-%s-live","county":"%s","level":"%s",
                 "previousLevel":"none","effectiveFrom":"2024-11-12T20:00:00+08:00",
                 "basis":"预测日AQI>200持续48小时 forecast daily AQI > 200 for 48 h","rule":{"id":"alert-orange-a","source":"环大气〔2024〕6号"}}}""".formatted(UUID.randomUUID(), county, Instant.now(), county, county, county, level);
    }

    static void publish(RabbitTemplate rabbit, String routingKey, String json) {
        MessageProperties props = new MessageProperties();
        props.setContentType("application/cloudevents+json");
        rabbit.send(
                EXCHANGE,
                routingKey,
                MessageBuilder.withBody(json.getBytes(StandardCharsets.UTF_8))
                        .andProperties(props)
                        .build());
    }
}
