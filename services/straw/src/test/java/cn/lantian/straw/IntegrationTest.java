package cn.lantian.straw;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Base of the integration tests: the whole service on a random port against the real PostgreSQL, RabbitMQ, Keycloak. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class IntegrationTest {

    /** A point in Shache's farmland (653125). */
    protected static final double[] SHACHE = {77.2, 38.42};
    /** A point in Tumxuk (xpcc-3), which lies inside Bachu (653130): joint. */
    protected static final double[] TUMXUK = {79.161, 39.8694};
    /** A point in Bachu outside Tumxuk. */
    protected static final double[] BACHU = {78.55, 39.78};
    /** A point in Aksu prefecture, outside Kashgar. */
    protected static final double[] AKSU = {80.26, 41.17};

    /** This run's own consumer group: its queues start empty, never take the platform's messages, and expire. */
    protected static final String GROUP =
            "straw-test-" + UUID.randomUUID().toString().substring(0, 8);

    public static final String MODIS = "latitude,longitude,brightness,scan,track,acq_date,acq_time,satellite,"
            + "instrument,confidence,version,bright_t31,frp,daynight\n";
    public static final String VIIRS = "latitude,longitude,bright_ti4,scan,track,acq_date,acq_time,satellite,"
            + "instrument,confidence,version,bright_ti5,frp,daynight,type\n";

    @DynamicPropertySource
    static void ownQueues(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.alerts-in-0.group", () -> GROUP);
        registry.add("spring.cloud.stream.bindings.firePoints-in-0.group", () -> GROUP);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected DatabaseClient db;

    protected WebTestClient http;

    /**
     * A day of this test alone: detections of earlier runs in the test database lie on other days, so that they
     * never merge with this test's.
     */
    protected final LocalDate day =
            LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 8000));

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }

    protected static String token(DemoIdentity who) {
        return "Bearer " + KeycloakTokens.of(who);
    }

    /** A MODIS row at the point, this test's day at HHMM UTC. */
    protected String modis(double[] at, String satellite, String hhmm) {
        return at[1] + "," + at[0] + ",318.4,1.1,1.0," + day + "," + hhmm + "," + satellite
                + ",MODIS,74,6.1NRT,294.2,12.6,D\n";
    }

    /** A VIIRS row at the point, this test's day at HHMM UTC, with the archive type. */
    protected String viirs(double[] at, String satellite, String hhmm, int type) {
        return at[1] + "," + at[0] + ",330.1,0.39,0.36," + day + "," + hhmm + "," + satellite
                + ",VIIRS,n,2.0NRT,290.0,3.1,D," + type + "\n";
    }

    /** An air-quality alert event for a county, sent straight to this run's alert queue. */
    protected static void sendAlert(
            org.springframework.amqp.rabbit.core.RabbitTemplate rabbit,
            String type,
            String alertId,
            String county,
            String level,
            String effectiveFrom) {
        tools.jackson.databind.node.ObjectNode e =
                tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", "/lantian/air-quality");
        e.put("type", type);
        e.put("subject", "alert/" + alertId);
        e.put("time", effectiveFrom);
        e.put("datacontenttype", "application/json");
        e.put("jurisdiction", county);
        e.put("agency", "ecology");
        e.put("severity", "major");
        tools.jackson.databind.node.ObjectNode data = e.putObject("data");
        data.put("alertId", alertId);
        data.put("county", county);
        data.put("level", level);
        data.put("previousLevel", "none");
        data.put("effectiveFrom", effectiveFrom);
        rabbit.send(
                "",
                "lantian.air-quality." + GROUP,
                org.springframework.amqp.core.MessageBuilder.withBody(
                                e.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .setContentType("application/cloudevents+json")
                        .build());
    }

    /** The outbox payloads of that type whose subject is the given one. */
    protected List<String> events(String type, String subject) {
        return db.sql(
                        "select payload from event_outbox where type = :t and payload::jsonb->>'subject' = :s order by seq")
                .bind("t", type)
                .bind("s", subject)
                .map(r -> r.get("payload", String.class))
                .all()
                .collectList()
                .block();
    }
}
