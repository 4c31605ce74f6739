package cn.lantian.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.feeds.airquality.AirQualityFeed;
import cn.lantian.feeds.dust.SiteMonitorFeed;
import cn.lantian.feeds.mobile.RemoteSensingFeed;
import cn.lantian.feeds.stationary.CemsFeed;
import cn.lantian.feeds.stationary.ElectricityFeed;
import cn.lantian.feeds.straw.FirmsFeed;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every feed as the launcher starts it ({@code of(...)}, reading a stand-in of the platform's APIs over HTTP), caught
 * up and then publishing a live hour: each message goes to an exchange the broker definitions declare, and follows
 * the inbound format that the event contract names for its exchange and routing key ({@code contract/inbound}).
 */
class FeedMessagesTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final RecordingPublisher published = new RecordingPublisher();
    final Instant now = Instant.now();
    final Instant lastHour = now.truncatedTo(ChronoUnit.HOURS);
    HttpServer api;
    URI base;

    @BeforeEach
    void startApi() throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("/token", "{\"access_token\":\"agency-token\",\"token_type\":\"Bearer\"}");
        answers.put("/api/public/v1/stations", """
                [{"id":"2698A","kind":"national","latest":{"hour":"%s"}},
                 {"id":"SC01","kind":"county","latest":{"hour":"%s"}}]""".formatted(
                        lastHour.minus(3, ChronoUnit.HOURS), lastHour.minus(30, ChronoUnit.HOURS)));
        answers.put("/api/stationary/v1/facilities?kind=outlet", """
                {"items":[{"id":"DA001","status":"active","attributes":{"cems":["PM","SO2","NOx"],"sourceKind":"coal-boiler","ultraLow":true}},
                          {"id":"DA002","status":"active","attributes":{"cems":["NOx"],"sourceKind":"cement-kiln"}}],"next":null}""");
        answers.put("/api/stationary/v1/facilities?kind=line", """
                {"items":[{"id":"ent-0001-line-1","status":"active"},{"id":"ent-0002-line-1","status":"closed"}],"next":null}""");
        answers.put(
                "/api/stationary/v1/emergency/tasks?status=open",
                "[{\"id\":\"t1\",\"alertId\":\"a1\",\"measureId\":\"m1\",\"enterpriseId\":\"ent-0001\"}]");
        answers.put(
                "/api/stationary/v1/emergency/enterprises/ent-0001/measures",
                "[{\"id\":\"m1\",\"lineId\":\"ent-0001-line-1\",\"level\":\"orange\",\"allowedKw\":2600}]");
        answers.put(
                "/api/stationary/v1/cems/outlets/DA001",
                "[{\"hour\":\"%s\"}]".formatted(lastHour.minus(5, ChronoUnit.HOURS)));
        answers.put("/api/stationary/v1/cems/outlets/DA002", "[]");
        answers.put("/api/public/v1/dust/sites", """
                {"items":[{"id":"demo-site-0011","monitorStatus":"monitored","latestHour":"%s"},
                          {"id":"demo-site-0012","monitorStatus":"silent","latestHour":null}],"next":null}""".formatted(lastHour.minus(4, ChronoUnit.HOURS)));
        StringBuilder vehicles = new StringBuilder("{\"items\":[");
        String[] fuels = {"diesel", "petrol", "gas", "electric", "diesel", "petrol"};
        for (int i = 1; i <= 600; i++) {
            vehicles.append(i == 1 ? "" : ",")
                    .append("{\"plate\":\"新Q·B%04d\",\"kind\":\"car\",\"fuel\":\"%s\",\"status\":\"registered\"}"
                            .formatted(i, fuels[i % fuels.length]));
        }
        answers.put(
                "/api/mobile/v1/vehicles", vehicles.append("],\"next\":null}").toString());
        // Neither station holds the replayed storm: both get their history again.
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        answers.put("/api/public/v1/stations/2698A/observations?from=" + year + "-04-02", "[]");
        answers.put("/api/public/v1/stations/SC01/observations?from=" + year + "-04-02", "[]");
        answers.put("/api/public/v1/straw/incidents", "{\"type\":\"FeatureCollection\",\"features\":[]}");
        answers.put(
                "/api/mobile/v1/readings/latest?check=remote-sensing",
                "{\"check\":\"remote-sensing\",\"lon\":0,\"lat\":0,\"at\":null}");
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String answer = answers.get(path);
            if (answer == null && query != null) {
                answer = answers.get(path + "?" + query.split("&")[0]);
            }
            byte[] body = (answer == null ? "{}" : answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        base = URI.create("http://127.0.0.1:" + api.getAddress().getPort());
    }

    @AfterEach
    void stopApi() {
        api.stop(0);
    }

    @Test
    void everyFeedsMessagesFollowTheContractsInboundFormats() throws IOException {
        URI token = base.resolve("/token");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Feed> feeds = List.of(
                AirQualityFeed.of(base, published, today, 0),
                SiteMonitorFeed.of(base, published, Clock.systemUTC()),
                CemsFeed.of(base, token, "agency-ecology", "secret", published, Clock.systemUTC()),
                ElectricityFeed.of(base, token, "agency-ecology", "secret", published, Clock.systemUTC()),
                RemoteSensingFeed.of(
                        new AgencyApi(base, token, "agency-ecology", "secret"),
                        published,
                        Clock.systemUTC(),
                        today.minusMonths(1),
                        0),
                FirmsFeed.of(base, published, Clock.systemUTC(), LocalDate.of(2025, 6, 1), 0));
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Feed feed : feeds) {
            rows.put(feed.name(), feed.catchUp(lastHour));
            feed.publish(lastHour);
        }
        assertThat(rows).allSatisfy((name, n) -> assertThat(n).as(name).isPositive());

        Set<String> declared = declaredExchanges();
        Set<String> seen = new HashSet<>();
        for (RecordingPublisher.Message m : published.messages) {
            assertThat(declared).as("exchange of %s", m.messageId()).contains(m.exchange());
            assertThat(m.violations()).as(m.messageId()).isEmpty();
            seen.add(m.exchange() + " " + m.routingKey());
        }
        assertThat(seen)
                .contains(
                        "lantian.air-quality.observations station.hourly",
                        "lantian.stationary.readings cems.hourly",
                        "lantian.stationary.readings electricity.quarter-hour",
                        "lantian.dust.readings site-monitor.readings",
                        "lantian.mobile.readings remote-sensing",
                        "lantian.straw.fire-points firms.modis",
                        "lantian.straw.fire-points firms.viirs");
        assertThat(InboundContract.get().exchanges())
                .allSatisfy(e -> assertThat(declared).contains(e));
    }

    @Test
    void aMessageOutsideTheFormatIsFound() {
        InboundContract contract = InboundContract.get();
        assertThat(contract.violations(
                        "lantian.mobile.readings",
                        "remote-sensing",
                        "application/x-ndjson",
                        "{\"plate\":\"新Q·B0001\",\"at\":\"yesterday\",\"lon\":76,\"lat\":39.4,\"opacity\":140}\n"
                                .getBytes(StandardCharsets.UTF_8)))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(contract.violations(
                        "lantian.straw.fire-points",
                        "firms.viirs",
                        "text/csv",
                        "latitude,longitude,bright_ti4,acq_date,acq_time,satellite,confidence,frp\n39.4,76,330,2026-10-01,0861,N,x,3\n"
                                .getBytes(StandardCharsets.UTF_8)))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(contract.violations("lantian.dust.readings", "other", "application/x-ndjson", new byte[0]))
                .containsExactly("no inbound format for lantian.dust.readings with routing key other");
    }

    private static Set<String> declaredExchanges() throws IOException {
        JsonNode definitions = JSON.readTree(Files.readString(Path.of("../infra/rabbitmq/definitions.json")));
        Set<String> out = new HashSet<>();
        definitions.get("exchanges").forEach(e -> out.add(e.get("name").asString()));
        return out;
    }
}
