package cn.lantian.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** Publishes air-quality events to the real broker the way the air-quality relay does. */
final class Events {

    static final String EXCHANGE = "lantian.air-quality";
    static final String HOURLY = "lantian.air-quality.hourly-aqi-published.v1";

    private Events() {
    }

    static String hourly(String station, Instant hour, int aqi, int category) {
        return """
                {"specversion":"1.0","id":"%s","source":"/lantian/air-quality","type":"%s",
                 "subject":"station/%s","time":"%s","datacontenttype":"application/json","jurisdiction":"653101",
                 "agency":"ecology","data":{"stationId":"%s","hour":"%s","aqi":%d,"category":%d,
                 "primaryPollutants":["PM10"],"standard":"HJ633-2012"}}"""
                .formatted(UUID.randomUUID(), HOURLY, station, hour, station, hour, aqi, category);
    }

    static String alertIssued(String county, String level) {
        return """
                {"specversion":"1.0","id":"%s","source":"/lantian/air-quality","type":"lantian.air-quality.alert-issued.v1",
                 "subject":"alert/alert-%s-live","time":"%s","datacontenttype":"application/json","jurisdiction":"%s",
                 "agency":"ecology","severity":"major","data":{"alertId":"alert-%s-live","county":"%s","level":"%s",
                 "previousLevel":"none","effectiveFrom":"2024-11-12T20:00:00+08:00",
                 "basis":"预测日AQI>200持续48小时 forecast daily AQI > 200 for 48 h","rule":{"id":"alert-orange-a","source":"环大气〔2024〕6号"}}}"""
                .formatted(UUID.randomUUID(), county, Instant.now(), county, county, county, level);
    }

    static void publish(RabbitTemplate rabbit, String routingKey, String json) {
        MessageProperties props = new MessageProperties();
        props.setContentType("application/cloudevents+json");
        rabbit.send(EXCHANGE, routingKey, MessageBuilder.withBody(json.getBytes(StandardCharsets.UTF_8))
                .andProperties(props).build());
    }
}
