package cn.lantian.straw.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.straw.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "lantian.demo.enabled=true")
class DemoDataIntegrationTests extends IntegrationTest {

    @Autowired
    DemoData demo;

    @Autowired
    Clock clock;

    private long count(String sql) {
        return db.sql(sql)
                .bind("since", clock.instant().minus(Duration.ofDays(500)))
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }

    @Test
    void demoDataIsLoadedAtStartAndARestartAddsNothing() {
        long incidents = count("select count(*) from incident where first_at >= :since");
        long detections = count("select count(*) from detection where acquired_at >= :since");
        long events = count("select count(*) from event_outbox where type = 'lantian.straw.fire-point-detected.v1' "
                + "and (payload::jsonb->>'time')::timestamptz >= :since");
        assertThat(incidents).isGreaterThan(100);
        assertThat(detections).as("some fires were seen by two satellites").isGreaterThan(incidents);
        assertThat(count("select count(*) from incident where first_at >= :since and status = 'handled'"))
                .as("patrol outcomes of the past seasons")
                .isGreaterThan(50);
        assertThat(count("select count(*) from straw_use where updated_by = 'demo-data' and updated_at >= :since"))
                .isEqualTo(22);
        assertThat(events)
                .as("the past seasons go through the import like live fire points: every incident raised its event")
                .isGreaterThanOrEqualTo(incidents);

        demo.run(null);

        assertThat(count("select count(*) from incident where first_at >= :since"))
                .isEqualTo(incidents);
        assertThat(count("select count(*) from detection where acquired_at >= :since"))
                .isEqualTo(detections);
        assertThat(count("select count(*) from event_outbox where type = 'lantian.straw.fire-point-detected.v1' "
                        + "and (payload::jsonb->>'time')::timestamptz >= :since"))
                .isEqualTo(events);
    }
}
