package cn.lantian.dust.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A station hour announced by the air-quality service's {@code hourly-aqi-published} event over RabbitMQ is read at
 * once and judged against the site hours waiting for it. The air-quality service's public observations answer is
 * served here by a small HTTP server with the service's own JSON shape (its real answer would depend on what the
 * platform's database holds), counting the requests.
 */
class StationHourConsumerIntegrationTests extends IntegrationTest {

    static final String STATION = "T" + UUID.randomUUID().toString().substring(0, 6);
    static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
    /** A point in Shache away from the other tests' site, so that this test's station is the nearest one there. */
    static final double[] AT = {77.2468, 38.4132};

    static final AtomicInteger REQUESTS = new AtomicInteger();
    static final HttpServer AIR_QUALITY = airQuality();

    @DynamicPropertySource
    static void airQualityUrl(DynamicPropertyRegistry registry) {
        registry.add(
                "lantian.dust.air-quality-url",
                () -> "http://127.0.0.1:" + AIR_QUALITY.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        AIR_QUALITY.stop(0);
    }

    /**
     * The station goes again: it would be the nearest to other tests' sites (the tests' database knows few stations),
     * and its hour is theirs.
     */
    @AfterEach
    void forgetTheStation() {
        for (String sql :
                List.of("delete from station_hour where station_id = :id", "delete from station where id = :id")) {
            db.sql(sql).bind("id", STATION).fetch().rowsUpdated().block();
        }
    }

    @Autowired
    RabbitTemplate rabbit;

    static HttpServer airQuality() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/public/v1/stations/" + STATION + "/observations", exchange -> {
                REQUESTS.incrementAndGet();
                byte[] body = """
                        [{"observation":{"station":"%s","hour":"%s","pm10":60.0,"pm25":30.0,"valid":true},
                          "aqi":55,"primary":"PM10","standard":"HJ633-2026"}]""".formatted(STATION, HOUR).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aPublishedStationHourIsReadAtOnceAndTheWaitingSiteHourJudged() {
        // Stations an earlier run left at the same point would tie for nearest.
        for (String sql : List.of(
                "delete from station_hour where station_id in (select id from station where lon = :lon and lat = :lat)",
                "delete from station where lon = :lon and lat = :lat")) {
            db.sql(sql)
                    .bind("lon", AT[0])
                    .bind("lat", AT[1])
                    .fetch()
                    .rowsUpdated()
                    .block();
        }
        String site = unique("site");
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "id",
                        site,
                        "project",
                        "站点小时测试",
                        "builderName",
                        "莎车建工",
                        "builderCreditCode",
                        CREDIT_CODE,
                        "areaM2",
                        8000,
                        "phase",
                        "earthwork",
                        "lon",
                        AT[0],
                        "lat",
                        AT[1]))
                .exchange()
                .expectStatus()
                .isCreated();
        String monitor = unique("mon");
        http.post()
                .uri("/api/dust/v1/sites/" + site + "/monitors")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of("id", monitor))
                .exchange()
                .expectStatus()
                .isCreated();
        // 120 µg/m³ is under the alarm level, and no station's hour is known there: nothing is raised yet.
        http.post()
                .uri("/api/dust/v1/readings")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(List.of(Map.of(
                        "monitorId",
                        monitor,
                        "at",
                        HOUR.minus(30, ChronoUnit.MINUTES).toString(),
                        "pm10",
                        120)))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(events("lantian.dust.site-dust-violation.v1", "site/" + site))
                .isEmpty();

        // The event makes the station known (it lies at the site) and its hour is read: 60 µg/m³, so the site is 60
        // above, more than the margin of 50.
        publish(event(UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !events("lantian.dust.site-dust-violation.v1", "site/" + site)
                        .isEmpty());
        assertThat(events("lantian.dust.site-dust-violation.v1", "site/" + site))
                .singleElement()
                .asString()
                .contains(
                        "\"stationId\":\"" + STATION + "\"",
                        "\"stationPm10\":60.0",
                        "\"id\":\"dust.monitor.pm10-over-station\"");

        // The same hour announced again is stored already: nothing is read or raised.
        int requests = REQUESTS.get();
        publish(event(UUID.randomUUID().toString()));
        String marker = UUID.randomUUID().toString();
        publish(("{\"specversion\":\"1.0\",\"id\":\"" + marker + "\",\"type\":\"" + StationHourConsumer.PUBLISHED
                        + "\",\"data\":{}}")
                .getBytes(StandardCharsets.UTF_8));
        // A contract breach is dead-lettered with the reason; the good event before it was handled by then.
        Message dead = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(marker), m -> m != null);
        assertThat(dead.getMessageProperties().getHeaders()).containsKey("x-exception-message");
        assertThat(REQUESTS.get()).isEqualTo(requests);
        assertThat(events("lantian.dust.site-dust-violation.v1", "site/" + site))
                .hasSize(1);
    }

    private byte[] event(String id) {
        return """
                {"specversion":"1.0","id":"%s","source":"/lantian/air-quality",
                 "type":"lantian.air-quality.hourly-aqi-published.v1","subject":"station/%s","time":"%s",
                 "datacontenttype":"application/json","jurisdiction":"653125","agency":"ecology",
                 "data":{"stationId":"%s","hour":"%s","aqi":55,"category":2,"primaryPollutants":["PM10"],
                         "standard":"HJ633-2026","location":{"lon":%s,"lat":%s}}}""".formatted(id, STATION, HOUR, STATION, HOUR, AT[0], AT[1]).getBytes(StandardCharsets.UTF_8);
    }

    private void publish(byte[] body) {
        rabbit.send(
                "lantian.air-quality",
                StationHourConsumer.PUBLISHED,
                MessageBuilder.withBody(body)
                        .setContentType("application/cloudevents+json")
                        .build());
    }

    private Message deadLetter(String marker) {
        String dlq = "lantian.air-quality." + GROUP + "-station-hours.dlq";
        for (Message m = rabbit.receive(dlq, 500); m != null; m = rabbit.receive(dlq, 100)) {
            if (new String(m.getBody(), StandardCharsets.UTF_8).contains(marker)) {
                return m;
            }
        }
        return null;
    }
}
