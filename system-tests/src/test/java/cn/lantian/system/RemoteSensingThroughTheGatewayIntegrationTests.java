package cn.lantian.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.Infrastructure;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A remote-sensing station, an outside client, publishes readings to the exchange {@code lantian.mobile.readings}: the
 * mobile service judges them, its event reaches joint search, and the county finds it where another county does not.
 */
@Order(2)
class RemoteSensingThroughTheGatewayIntegrationTests {

    static final String EXCEEDED = "lantian.mobile.vehicle-emission-exceeded.v1";
    /** On a road of Kashgar City, outside its low-emission zone. */
    static final double[] KASHGAR_CITY = {76.1771, 39.5215};

    @Test
    void aGrossEmitterSeenTwiceByAStationIsFoundByItsCountyAndNotByAnother() throws Exception {
        String plate = "新Q·E" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        HttpResponse<String> registered = Gateway.post(
                "/api/mobile/v1/vehicles",
                DemoIdentity.POLICE_KASHGAR,
                "application/json",
                Gateway.JSON.writeValueAsString(Map.of(
                        "plate", plate,
                        "vin", vin(),
                        "kind", "heavy-truck",
                        "fuel", "diesel",
                        "emissionStage", "China IV",
                        "certifiedOn", "2016-05-01",
                        "operatingFreight", true,
                        "owner", "系统测试运输公司",
                        "home", "653101")));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body = line(plate, now.minus(3, ChronoUnit.DAYS)) + line(plate, now.minus(1, ChronoUnit.HOURS));
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(Infrastructure.RABBITMQ_HOST);
        factory.setPort(Infrastructure.RABBITMQ_PORT);
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(
                    "lantian.mobile.readings",
                    "remote-sensing",
                    new AMQP.BasicProperties.Builder()
                            .contentType("application/x-ndjson")
                            .deliveryMode(2)
                            .build(),
                    body.getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        }

        String query =
                "/api/search/v1/events?type=" + EXCEEDED + "&q=" + URLEncoder.encode(plate, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        items(Gateway.get(query, DemoIdentity.POLICE_KASHGAR)).size() == 1);
        JsonNode event = items(Gateway.get(query, DemoIdentity.POLICE_KASHGAR)).get(0);
        assertThat(event.get("subject").asString()).isEqualTo("vehicle/" + plate);
        assertThat(event.get("jurisdiction").asString()).isEqualTo("653101");
        assertThat(items(Gateway.get(query, DemoIdentity.ECO_SHACHE))).isEmpty();
    }

    private static String line(String plate, Instant at) {
        return "{\"plate\":\"" + plate + "\",\"at\":\"" + at + "\",\"lon\":" + KASHGAR_CITY[0] + ",\"lat\":"
                + KASHGAR_CITY[1] + ",\"check\":\"remote-sensing\",\"opacity\":58,\"nox\":900,\"speed\":38,"
                + "\"acceleration\":0.4,\"wind\":1.5}\n";
    }

    private static String vin() {
        String chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            b.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
        }
        return b.toString();
    }

    private static List<JsonNode> items(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        Gateway.json(response).get("items").forEach(list::add);
        return list;
    }
}
