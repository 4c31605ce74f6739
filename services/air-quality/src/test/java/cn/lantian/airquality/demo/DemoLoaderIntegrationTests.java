package cn.lantian.airquality.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.testsupport.Infrastructure;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The demo stations and the alert episode (last December) load at start-up when enabled, and loading again changes
 * nothing; no hours are generated (the live agency feeds publish them).
 */
@SpringBootTest(
        properties = {
            "spring.r2dbc.url=" + Infrastructure.POSTGRES_R2DBC + "lantian_air_quality_test",
            "spring.flyway.url=" + Infrastructure.POSTGRES_JDBC + "lantian_air_quality_test",
            "lantian.eventing.relay.enabled=false",
            "lantian.demo.enabled=true"
        })
class DemoLoaderIntegrationTests {

    @Autowired
    DemoLoader loader;

    @Autowired
    DatabaseClient db;

    static DatabaseClient cleanup;

    long count(String sql) {
        return db.sql(sql).map(r -> r.get(0, Long.class)).one().block();
    }

    @Test
    void loadsTwentyStationsAndLastDecembersAlertEpisodeOnceWithoutGeneratingHours() {
        cleanup = db;
        assertThat(count("select count(*) from station")).isEqualTo(20);
        int lastYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        assertThat(count("select count(*) from alert_history where alert_id like 'alert-653125-%'"))
                .isEqualTo(4);
        assertThat(count(
                        "select count(*) from alert_history where alert_id like 'alert-653125-%' and extract(year from at) = "
                                + lastYear))
                .isEqualTo(4);
        long hours = count("select count(*) from observation");
        assertThat(loader.load().block()).isEqualTo(20);
        assertThat(count("select count(*) from observation")).isEqualTo(hours);
        assertThat(count("select count(*) from alert_history")).isEqualTo(4);
    }

    @AfterAll
    static void removeDemoData() {
        if (cleanup != null) {
            cleanup.sql("delete from observation")
                    .then()
                    .then(cleanup.sql("delete from station").then())
                    .block();
        }
    }
}
