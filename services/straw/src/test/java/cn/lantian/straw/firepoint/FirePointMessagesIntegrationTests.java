package cn.lantian.straw.firepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.straw.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * FIRMS rows by AMQP. Messages go straight to this run's queue through the default exchange, as the fire-points
 * exchange would route them, so that a running service's queue never sees a test's rows.
 */
class FirePointMessagesIntegrationTests extends IntegrationTest {

    private static final String QUEUE = "lantian.straw.fire-points." + GROUP;

    @Autowired
    RabbitTemplate rabbit;

    private void send(String body) {
        rabbit.send(
                "",
                QUEUE,
                MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                        .setContentType("text/csv")
                        .build());
    }

    private long detections(String satellite) {
        return db.sql("select count(*) from detection where satellite = :s and acquired_at::date = :d")
                .bind("s", satellite)
                .bind("d", day)
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }

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

    @Test
    void aMessageGoesThroughThePlacementMergingAndOutboxOfAnUpload() {
        String satellite = "T" + UUID.randomUUID().toString().substring(0, 6);
        send(MODIS
                + modis(SHACHE, satellite, "0300")
                + modis(new double[] {SHACHE[0] + 0.001, SHACHE[1]}, satellite, "0301")
                + modis(AKSU, satellite, "0300"));
        await().atMost(Duration.ofSeconds(20)).until(() -> detections(satellite) == 2);
        String incident = db.sql("select distinct incident_id from detection where satellite = :s")
                .bind("s", satellite)
                .map(r -> r.get(0, String.class))
                .one()
                .block();
        assertThat(events("lantian.straw.fire-point-detected.v1", "fire-point/" + incident))
                .singleElement()
                .asString()
                .contains(satellite);
    }

    @Test
    void aMessageWithABadRowIsDeadLetteredWholeWithTheReason() {
        String satellite = "B" + UUID.randomUUID().toString().substring(0, 6);
        send(MODIS + modis(SHACHE, satellite, "0400") + "95,77.0,318.4,1.1,1.0," + day + ",0400," + satellite
                + ",MODIS,74,6.1NRT,294.2,12.6,D\n");
        Message dead = deadLetter(satellite);
        assertThat(String.valueOf(dead.getMessageProperties().getHeaders().get("x-exception-message")))
                .contains("line 3 latitude: not a number from -90 to 90");
        assertThat(detections(satellite))
                .as("nothing of a rejected message is stored")
                .isZero();

        String marker = UUID.randomUUID().toString();
        send("not,a,firms,file," + marker + "\n");
        assertThat(String.valueOf(
                        deadLetter(marker).getMessageProperties().getHeaders().get("x-exception-message")))
                .contains("not a FIRMS CSV", "header");
    }
}
