package cn.lantian.dust.monitor;

import cn.lantian.eventing.IncomingEvent;
import cn.lantian.eventing.IncomingEvents;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;

/**
 * Consumes the air-quality service's {@code hourly-aqi-published} events (binding {@code stationHours-in-0}) as the
 * signal that a station's hour is ready, and has {@link StationFeed} read it at once. Reading again is harmless, so no
 * delivery is recorded; an event that breaks the contract throws, and the binder dead-letters it with the reason.
 */
@Configuration
class StationHourConsumer {

    static final String PUBLISHED = "lantian.air-quality.hourly-aqi-published.v1";

    @Bean
    Consumer<Message<byte[]>> stationHours(IncomingEvents incoming, StationFeed feed) {
        return message -> {
            IncomingEvent event = incoming.parse(message);
            if (!PUBLISHED.equals(event.type())) {
                return;
            }
            JsonNode data = event.data();
            JsonNode location = data.path("location");
            feed.hourPublished(
                            data.get("stationId").asString(),
                            location.isObject()
                                    ? new double[] {
                                        location.get("lon").asDouble(),
                                        location.get("lat").asDouble()
                                    }
                                    : null,
                            OffsetDateTime.parse(data.get("hour").asString()).toInstant())
                    .block(Duration.ofSeconds(60));
        };
    }
}
