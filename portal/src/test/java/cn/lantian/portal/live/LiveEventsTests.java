package cn.lantian.portal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.contract.EventContract;
import cn.lantian.portal.PortalProperties;
import cn.lantian.portal.aqi.Categories;
import cn.lantian.portal.upstream.AirQuality;
import cn.lantian.reference.Jurisdictions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.Disposable;

class LiveEventsTests {

    private final EventContract contract = EventContract.load();
    private final PortalProperties properties = new PortalProperties(
            new PortalProperties.Upstream(
                    URI.create("http://127.0.0.1:9"),
                    URI.create("http://127.0.0.1:9"),
                    URI.create("http://127.0.0.1:9"),
                    URI.create("http://127.0.0.1:9"),
                    URI.create("http://127.0.0.1:9"),
                    URI.create("http://127.0.0.1:9"),
                    URI.create("http://127.0.0.1:9"),
                    Duration.ofSeconds(1)),
            Duration.ofMinutes(1),
            Duration.ofMinutes(1),
            1000,
            2020,
            "");
    private final AirQuality airQuality =
            new AirQuality(org.springframework.web.reactive.function.client.WebClient.builder(), properties);
    private final LiveFeed feed = new LiveFeed();
    private final Consumer<Message<byte[]>> consumer = new LiveEvents()
            .airQualityEvents(
                    contract,
                    new LatestAqi(airQuality, properties),
                    feed,
                    airQuality,
                    Categories.load(),
                    Jurisdictions.load());

    private static Message<byte[]> message(String json) {
        return MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void refusesAnEventThatBreaksTheContractNamingTheFields() {
        String example = contract.example(contract.type(LiveEvents.HOURLY).orElseThrow())
                .toString()
                .replace("\"aqi\":500", "\"aqi\":900");
        assertThatThrownBy(() -> consumer.accept(message(example)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aqi");
        assertThatThrownBy(() -> consumer.accept(message("not json"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void turnsAnAlertIntoALiveUpdateWithNamesInEveryLanguage() {
        List<String> received = new CopyOnWriteArrayList<>();
        Disposable subscription = feed.stream().subscribe(e -> {
            if ("alert".equals(e.event())) {
                received.add(e.data());
            }
        });
        try {
            var type = contract.type("lantian.air-quality.alert-issued.v1").orElseThrow();
            consumer.accept(message(contract.example(type).toString()));
            assertThat(received)
                    .singleElement()
                    .satisfies(data -> assertThat(data)
                            .contains(
                                    "\"change\":\"issued\"",
                                    "\"county\":\"653126\"",
                                    "\"countyZh\":\"叶城县\"",
                                    "\"levelEn\":\"Orange\""));
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void anHourForAStationNotYetKnownIsNotBroadcast() {
        List<String> received = new CopyOnWriteArrayList<>();
        Disposable subscription = feed.stream().subscribe(e -> {
            if ("aqi".equals(e.event())) {
                received.add(e.data());
            }
        });
        try {
            consumer.accept(
                    message(contract.example(contract.type(LiveEvents.HOURLY).orElseThrow())
                            .toString()));
            assertThat(received).isEmpty();
        } finally {
            subscription.dispose();
        }
    }
}
