package cn.lantian.airquality.observation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.airquality.station.Station;
import cn.lantian.airquality.station.Stations;
import cn.lantian.testsupport.Infrastructure;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

/** Hours stored under HJ 633-2012 since 2026-03-01 get HJ 633-2026's figures at start, once. */
@SpringBootTest(
        properties = {
            "lantian.eventing.relay.enabled=false",
            "spring.r2dbc.url=" + Infrastructure.POSTGRES_R2DBC + "lantian_air_quality_test",
            "spring.flyway.url=" + Infrastructure.POSTGRES_JDBC + "lantian_air_quality_test"
        })
class RecomputationIntegrationTests {

    @Autowired
    DatabaseClient db;

    @Autowired
    Stations stations;

    @Autowired
    Recomputation recomputation;

    @BeforeEach
    void storedUnderTheOldRules() {
        db.sql("delete from observation")
                .then()
                .then(db.sql("delete from station").then())
                .then(db.sql("delete from event_outbox").then())
                .block();
        stations.save(new Station("RC1", "测试站", "Test", "national", 76.0, 39.4, "653101", null))
                .block();
        // PM2.5 61 was 83 by HJ 633-2012's rows; by HJ 633-2026's it is 101.
        insert("2026-06-01T12:00+08:00", 83, "PM2.5", "HJ633-2012");
        insert("2026-03-01T00:00+08:00", 83, "PM2.5", "HJ633-2012");
        insert("2026-02-28T23:00+08:00", 83, "PM2.5", "HJ633-2012");
    }

    @AfterEach
    void removeTheTestStation() {
        db.sql("delete from observation where station_id = 'RC1'")
                .then()
                .then(db.sql("delete from station where id = 'RC1'").then())
                .block();
    }

    @Test
    void recomputesOnlyHoursSinceTheRevisionAndASecondRunChangesNothing() {
        Set<Integer> years = recomputation.run().block();
        assertThat(years).containsExactly(2026);
        assertThat(figures("2026-06-01T12:00+08:00")).isEqualTo("101|PM2.5|HJ633-2026");
        // The hour labelled 2026-03-01 00:00 is dated 2026-03-01: HJ 633-2026 rates it.
        assertThat(figures("2026-03-01T00:00+08:00")).isEqualTo("101|PM2.5|HJ633-2026");
        assertThat(figures("2026-02-28T23:00+08:00")).isEqualTo("83|PM2.5|HJ633-2012");
        assertThat(recomputation.run().block()).isEmpty();
        assertThat(figures("2026-06-01T12:00+08:00")).isEqualTo("101|PM2.5|HJ633-2026");
    }

    private void insert(String hour, int aqi, String primary, String standard) {
        db.sql("""
                insert into observation (station_id, hour, so2, no2, pm10, pm25, co, o3, valid, aqi, primary_pollutants, standard)
                values ('RC1', :hour, 5, 20, 40, 61, 0.5, 40, true, :aqi, :primary, :standard)""")
                .bind("hour", OffsetDateTime.parse(hour))
                .bind("aqi", aqi)
                .bind("primary", primary)
                .bind("standard", standard)
                .then()
                .block();
    }

    private String figures(String hour) {
        return db.sql(
                        "select aqi, primary_pollutants, standard from observation where station_id = 'RC1' and hour = :hour")
                .bind("hour", OffsetDateTime.parse(hour))
                .map(r -> r.get("aqi", Integer.class) + "|" + r.get("primary_pollutants", String.class) + "|"
                        + r.get("standard", String.class))
                .one()
                .block();
    }
}
