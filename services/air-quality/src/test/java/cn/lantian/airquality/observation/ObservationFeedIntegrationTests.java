package cn.lantian.airquality.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.airquality.station.Station;
import cn.lantian.airquality.station.Stations;
import cn.lantian.testsupport.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Observations over the real RabbitMQ: stored like HTTP batches, bad batches dead-lettered with their reason. */
@SpringBootTest(
        properties = {
            "lantian.eventing.relay.enabled=false",
            "spring.r2dbc.url=" + Infrastructure.POSTGRES_R2DBC + "lantian_air_quality_test",
            "spring.flyway.url=" + Infrastructure.POSTGRES_JDBC + "lantian_air_quality_test"
        })
class ObservationFeedIntegrationTests {

    static final String EXCHANGE = "lantian.air-quality.observations";
    /** This run's own consumer group: its queue and dead-letter queue expire after the run. */
    static final String GROUP = "air-quality-test-" + UUID.randomUUID();

    static final String CSV_HEADER = "station,time,so2,no2,pm10,pm25,co,o3,o3_8h,valid,flag\n";

    @DynamicPropertySource
    static void ownQueue(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.bindings.observationBatches-in-0.group", () -> GROUP);
        registry.add("spring.cloud.stream.bindings.observationBatches-in-0.consumer.auto-startup", () -> "true");
    }

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    DatabaseClient db;

    @Autowired
    Stations stations;

    private final String station = "T" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void station() {
        stations.save(new Station(station, "测试站", "Test station", "county", 77.24, 38.41, "653125", null))
                .block();
    }

    @AfterEach
    void removeStation() {
        // Other tests of this database count every station: leave none behind.
        db.sql("delete from observation where station_id = :s")
                .bind("s", station)
                .then()
                .then(db.sql("delete from station where id = :s")
                        .bind("s", station)
                        .then())
                .block();
    }

    @Test
    void aCsvBatchIsStoredWithItsHourlyAqiAndPublished() {
        send(
                CSV_HEADER + station + ",2024-04-02T09:00+08:00,8,27,707,240,0.7,32,,true,N\n" + station
                        + ",2024-04-02T10:00+08:00,8,27,100,40,0.7,32,,true,N\n",
                "text/csv");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from observation where station_id = :s") == 2);
        assertThat(db.sql("select aqi from observation where station_id = :s order by hour")
                        .bind("s", station)
                        .map(r -> r.get(0, Integer.class))
                        .all()
                        .collectList()
                        .block())
                .containsExactly(500, 75);
        assertThat(count("select count(*) from event_outbox where type = 'lantian.air-quality.hourly-aqi-published.v1'"
                        + " and payload like '%' || :s || '%'"))
                .isEqualTo(1);
    }

    @Test
    void jsonLinesTakeTheSamePath() {
        send(
                "{\"station\":\"" + station + "\",\"time\":\"2024-04-02T09:00+08:00\",\"pm10\":120,\"pm25\":40}\n",
                "application/x-ndjson");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from observation where station_id = :s") == 1);
    }

    @Test
    void anInvalidBatchIsDeadLetteredWithTheReasonAndWritesNothing() {
        send(
                CSV_HEADER + station + ",2024-04-02T09:00+08:00,8,27,abc,40,0.7,32,,true,N\n"
                        + "NOPE,2024-04-02T09:00+08:00,8,27,100,40,0.7,32,,true,N\n",
                "text/csv");
        String dlq = EXCHANGE + "." + GROUP + ".dlq";
        Message[] dead = new Message[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> (dead[0] = rabbit.receive(dlq)) != null);
        assertThat(String.valueOf(dead[0].getMessageProperties().getHeaders().get("x-exception-message")))
                .contains("line 2: pm10");
        assertThat(new String(dead[0].getBody(), StandardCharsets.UTF_8)).contains("NOPE");

        send(CSV_HEADER + "NOPE,2024-04-02T09:00+08:00,8,27,100,40,0.7,32,,true,N\n", "text/csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> (dead[0] = rabbit.receive(dlq)) != null);
        assertThat(String.valueOf(dead[0].getMessageProperties().getHeaders().get("x-exception-message")))
                .contains("unknown station 'NOPE'");
        assertThat(count("select count(*) from observation where station_id = :s"))
                .isZero();
    }

    private void send(String body, String contentType) {
        rabbit.send(
                EXCHANGE,
                "feed." + station,
                MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                        .setContentType(contentType)
                        .build());
    }

    private long count(String sql) {
        return db.sql(sql)
                .bind("s", station)
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }
}
