package cn.lantian.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

/** Events from the real broker reach open server-sent-event streams and the latest-AQI list. */
class LiveIntegrationTests extends PortalTest {

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void aNewHourlyAqiReachesOpenStreamsAndTheStationList() {
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        WebClient http = WebClient.create("http://127.0.0.1:" + port);
        // Read the list once so the portal holds the stations the event updates.
        http.get()
                .uri("/api/public/v1/datasets/stations")
                .retrieve()
                .bodyToMono(String.class)
                .block();
        Disposable stream = http.get()
                .uri("/api/public/v1/live")
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .subscribe(received::add);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
            Instant hour = Instant.parse("2024-11-12T02:00:00Z");
            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
                // Repeated until the freshly declared queue is bound; later copies are older-or-equal and ignored.
                if (received.stream().noneMatch(e -> "aqi".equals(e.event()))) {
                    Events.publish(rabbit, Events.HOURLY, Events.hourly("2699A", hour, 333, 6));
                }
                assertThat(received).anySatisfy(e -> {
                    assertThat(e.event()).isEqualTo("aqi");
                    assertThat(e.data()).contains("\"stationId\":\"2699A\"", "\"aqi\":333", "\"colour\":\"#7E0023\"");
                });
            });
            String list = http.get()
                    .uri("/api/public/v1/datasets/stations")
                    .retrieve()
                    .bodyToMono(String.class)
                    .block();
            var station =
                    JsonMapper.builder().build().readTree(list).get("items").get(1);
            assertThat(station.get("id").asString()).isEqualTo("2699A");
            assertThat(station.get("latest").get("aqi").asInt()).isEqualTo(333);
            assertThat(station.get("latest").get("hour").asString()).isEqualTo("2024-11-12T02:00:00Z");

            // air-quality publishes an hour again when it recomputes it: the held hour takes the new value, while an
            // older hour changes nothing.
            Events.publish(rabbit, Events.HOURLY, Events.hourly("2699A", hour.minusSeconds(3600), 50, 1));
            Events.publish(rabbit, Events.HOURLY, Events.hourly("2699A", hour, 251, 5));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(received)
                            .anySatisfy(e -> assertThat(e.data()).contains("\"stationId\":\"2699A\"", "\"aqi\":251")));
            var corrected = JsonMapper.builder()
                    .build()
                    .readTree(http.get()
                            .uri("/api/public/v1/datasets/stations")
                            .retrieve()
                            .bodyToMono(String.class)
                            .block())
                    .get("items")
                    .get(1)
                    .get("latest");
            assertThat(corrected.get("aqi").asInt()).isEqualTo(251);
            assertThat(corrected.get("hour").asString()).isEqualTo("2024-11-12T02:00:00Z");
            assertThat(received).noneSatisfy(e -> assertThat(e.data()).contains("\"aqi\":50,"));

            Events.publish(rabbit, "lantian.air-quality.alert-issued.v1", Events.alertIssued("653125", "orange"));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(received).anySatisfy(e -> {
                        assertThat(e.event()).isEqualTo("alert");
                        assertThat(e.data())
                                .contains("\"county\":\"653125\"", "\"change\":\"issued\"", "\"level\":\"orange\"");
                    }));
        } finally {
            stream.dispose();
        }
    }

    @Test
    void anEventThatBreaksTheContractIsDeadLetteredWithTheReason() {
        String broken = Events.hourly("2700A", Instant.parse("2024-11-12T03:00:00Z"), 900, 9);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            Events.publish(rabbit, Events.HOURLY, broken);
            Message dead = rabbit.receive("lantian.air-quality." + GROUP + ".dlq", 2000);
            assertThat(dead).isNotNull();
            assertThat(dead.getMessageProperties().<String>getHeader("x-exception-message"))
                    .contains("aqi");
        });
    }
}
