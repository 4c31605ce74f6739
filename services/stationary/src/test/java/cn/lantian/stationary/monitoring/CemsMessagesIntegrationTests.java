package cn.lantian.stationary.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.stationary.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CEMS values by AMQP. Messages go straight to this run's queue through the default exchange, as the readings
 * exchange would route them, so that a running service's queue never sees a test's outlets.
 */
class CemsMessagesIntegrationTests extends IntegrationTest {

    private static final String QUEUE = "lantian.stationary.readings." + GROUP + "-cems";

    @Autowired
    RabbitTemplate rabbit;

    private String outlet;
    private final Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(6, ChronoUnit.HOURS);

    @BeforeEach
    void outletWithPermit() {
        String enterprise = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        outlet = facility(
                DemoIdentity.ECO_SHACHE,
                enterprise,
                "outlet",
                SHACHE,
                Map.of("code", "DA001", "sourceKind", "coal-boiler", "cems", List.of("NOx")));
        http.post()
                .uri("/api/stationary/v1/permits")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of(
                        "number",
                        ("P" + enterprise.replace("-", "")).toUpperCase(),
                        "enterpriseId",
                        enterprise,
                        "validFrom",
                        "2024-01-01",
                        "validUntil",
                        LocalDate.now().plusYears(3).toString(),
                        "limits",
                        List.of(Map.of("outletId", outlet, "pollutant", "NOx", "limitMgM3", 50))))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private String line(String outletId, int hour, double value) {
        return "{\"outletId\":\"" + outletId + "\",\"pollutant\":\"NOx\",\"hour\":\"" + h0.plus(hour, ChronoUnit.HOURS)
                + "\",\"value\":" + value + ",\"o2\":9,\"flow\":52000,\"flag\":\"N\"}\n";
    }

    private void send(String body, String contentType) {
        rabbit.send(
                "",
                QUEUE,
                MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                        .setContentType(contentType)
                        .build());
    }

    private long stored(String outletId) {
        return db.sql("select count(*) from cems_hourly where outlet_id = :o")
                .bind("o", outletId)
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }

    /** The dead letter whose body holds the marker, waiting for it. */
    private Message deadLetter(String marker) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            for (Message m = rabbit.receive(QUEUE + ".dlq", 500);
                                    m != null;
                                    m = rabbit.receive(QUEUE + ".dlq", 100)) {
                                if (new String(m.getBody(), StandardCharsets.UTF_8).contains(marker)) {
                                    return m;
                                }
                            }
                            return null;
                        },
                        m -> m != null);
    }

    private static String reason(Message dead) {
        return String.valueOf(dead.getMessageProperties().getHeaders().get("x-exception-message"));
    }

    @Test
    void aMessageOfJsonLinesGoesThroughTheSameRulesAndOutboxAsAnUpload() {
        send(line(outlet, 0, 60) + line(outlet, 1, 70) + line(outlet, 2, 80), "application/x-ndjson");
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(outlet) == 3);
        assertThat(events("lantian.stationary.emission-limit-exceeded.v1", "outlet/" + outlet))
                .hasSize(3)
                .first()
                .asString()
                .contains("\"value\":60.0", "\"limit\":50.0");
        assertThat(events("lantian.stationary.emission-exceedance-escalated.v1", "outlet/" + outlet))
                .singleElement()
                .asString()
                .contains("\"hours\":3");

        // One reading per message, and CSV, are taken alike; a redelivered hour raises nothing new.
        send(line(outlet, 3, 10), "application/json");
        send(
                "outletId,pollutant,hour,value,o2,flow,flag\n" + outlet + ",NOx," + h0.plus(4, ChronoUnit.HOURS)
                        + ",20,9,50000,N\n",
                "text/csv");
        send(line(outlet, 0, 60), "application/x-ndjson");
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(outlet) == 5);
        assertThat(events("lantian.stationary.emission-limit-exceeded.v1", "outlet/" + outlet))
                .hasSize(3);
    }

    @Test
    void aMessageNamingAnUnknownOutletIsDeadLetteredWholeWithTheReason() {
        String unknown = unique("no-such-outlet");
        send(line(outlet, 0, 10) + line(unknown, 0, 10), "application/x-ndjson");
        Message dead = deadLetter(unknown);
        assertThat(reason(dead)).contains("line 2 outletId: no outlet " + unknown);
        assertThat(stored(outlet)).as("nothing of a rejected message is stored").isZero();
    }

    @Test
    void aMessageThatIsNoReadingIsDeadLetteredWithTheReason() {
        String marker = unique("marker");
        send("{\"outletId\":\"" + outlet + "\",\"note\":\"" + marker + "\"}\n", "application/x-ndjson");
        assertThat(reason(deadLetter(marker))).contains("line 1 pollutant", "line 1 hour", "line 1 value");
        String broken = unique("broken");
        send("{\"outletId\": \"" + broken, "application/x-ndjson");
        assertThat(reason(deadLetter(broken))).contains("line 1 line: not a JSON object");
    }
}
