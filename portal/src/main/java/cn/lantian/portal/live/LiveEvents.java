package cn.lantian.portal.live;

import cn.lantian.contract.EventContract;
import cn.lantian.portal.aqi.Categories;
import cn.lantian.portal.upstream.AirQuality;
import cn.lantian.portal.upstream.StationNow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes air-quality's events (binding {@code airQualityEvents-in-0}, queue {@code lantian.air-quality.portal}) and
 * turns new hourly AQI values and alert changes into live updates. An event that breaks the contract is refused
 * with the reasons, which dead-letters it. Consumption is idempotent by nature: an hour not newer than the one held
 * is ignored, and pages ignore an event id they have seen.
 * Not on platform/eventing's BatchConsumer: its idempotency needs a database, which the portal does not have.
 */
@Configuration
class LiveEvents {

    static final String HOURLY = "lantian.air-quality.hourly-aqi-published.v1";
    private static final String ALERT_PREFIX = "lantian.air-quality.alert-";

    @Bean
    EventContract eventContract() {
        return EventContract.load();
    }

    @Bean
    Consumer<Message<byte[]>> airQualityEvents(
            EventContract contract,
            LatestAqi latest,
            LiveFeed feed,
            AirQuality airQuality,
            Categories categories,
            cn.lantian.reference.Jurisdictions jurisdictions) {
        JsonMapper json = JsonMapper.builder().build();
        return message -> {
            byte[] body = rawBody(message);
            List<String> violations = contract.violations(body);
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException("not a valid Lantian event: " + String.join("; ", violations));
            }
            JsonNode event = json.readTree(body);
            String type = event.get("type").asString();
            JsonNode data = event.get("data");
            if (HOURLY.equals(type)) {
                hourly(event.get("id").asString(), data, latest, feed, categories, json);
            } else if (type.startsWith(ALERT_PREFIX)) {
                airQuality.alertsChanged();
                feed.publish(new LiveUpdate(
                        "alert",
                        event.get("id").asString(),
                        json.writeValueAsString(alert(type, data, jurisdictions))));
            }
        };
    }

    /**
     * The message as published. Spring Cloud Function turns a structured CloudEvent ({@code application/cloudevents+json})
     * into its binary form before the function sees it, leaving only {@code data} as the payload; the contract checks
     * the whole envelope, so the original AMQP body is read from the binder's {@code sourceData} header.
     */
    static byte[] rawBody(Message<byte[]> message) {
        Object source = message.getHeaders().get("sourceData");
        if (source instanceof org.springframework.amqp.core.Message amqp) {
            return amqp.getBody();
        }
        return message.getPayload();
    }

    private static void hourly(
            String id, JsonNode data, LatestAqi latest, LiveFeed feed, Categories categories, JsonMapper json) {
        String station = data.get("stationId").asString();
        Instant hour = OffsetDateTime.parse(data.get("hour").asString()).toInstant();
        int aqi = data.get("aqi").asInt();
        List<String> primaries = new java.util.ArrayList<>();
        if (data.has("primaryPollutants")) {
            data.get("primaryPollutants").forEach(p -> primaries.add(p.asString()));
        }
        String primary = primaries.isEmpty() ? null : String.join(",", primaries);
        Optional<StationNow> applied =
                latest.apply(station, hour, aqi, primary, data.get("standard").asString());
        if (applied.isEmpty()) {
            return;
        }
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("stationId", station);
        update.put("hour", hour.toString());
        update.put("aqi", aqi);
        categories
                .number(data.get("category").asInt())
                .or(() -> categories.of(aqi))
                .ifPresent(c -> {
                    update.put("category", c.number());
                    update.put("colour", c.rgb());
                    update.put("textColour", c.textRgb());
                    update.put("nameZh", c.nameZh());
                    update.put("nameEn", c.nameEn());
                    update.put("nameUg", c.nameUg());
                });
        update.put("primary", primary);
        feed.publish(new LiveUpdate("aqi", id, json.writeValueAsString(update)));
    }

    private static final Map<String, List<String>> LEVEL_NAMES = Map.of(
            "blue",
            List.of("蓝色", "Blue", "كۆك"),
            "yellow",
            List.of("黄色", "Yellow", "سېرىق"),
            "orange",
            List.of("橙色", "Orange", "قىزغۇچ سېرىق"),
            "red",
            List.of("红色", "Red", "قىزىل"));

    private static Map<String, Object> alert(
            String type, JsonNode data, cn.lantian.reference.Jurisdictions jurisdictions) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("change", type.substring(ALERT_PREFIX.length(), type.lastIndexOf(".v")));
        for (String field : List.of("alertId", "county", "level", "previousLevel", "effectiveFrom", "basis")) {
            JsonNode v = data.get(field);
            a.put(field, v == null || v.isNull() ? null : v.asString());
        }
        // Version 2 says whether the alert is a drill's; version 1 never did.
        a.put("drill", data.path("drill").asBoolean(false));
        // Names for the page to show in its language, so that the browser needs no lookup of its own.
        jurisdictions.byId(String.valueOf(a.get("county"))).ifPresent(j -> {
            a.put("countyZh", j.nameZh());
            a.put("countyEn", j.nameEn());
            a.put("countyUg", j.nameUg());
        });
        List<String> level = LEVEL_NAMES.get(String.valueOf(a.get("level")));
        if (level != null) {
            a.put("levelZh", level.get(0));
            a.put("levelEn", level.get(1));
            a.put("levelUg", level.get(2));
        }
        return a;
    }
}
