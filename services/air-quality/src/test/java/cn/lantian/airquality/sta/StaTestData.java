package cn.lantian.airquality.sta;

import cn.lantian.airquality.station.Station;
import cn.lantian.airquality.station.Stations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.r2dbc.core.DatabaseClient;

/** Two stations with a day of hours each, written straight into the test database. */
final class StaTestData {

    /** The newest hour of the test data: yesterday's last hour, relative to today. */
    static final Instant LAST_HOUR = Instant.now().truncatedTo(ChronoUnit.DAYS);

    private StaTestData() {}

    static double pm25(int hour) {
        return 30.0 + hour;
    }

    static long aqi(int hour) {
        return 50 + hour;
    }

    static void reset(DatabaseClient db, Stations stations) {
        db.sql("delete from observation")
                .then()
                .then(db.sql("delete from station").then())
                .then(db.sql("delete from event_outbox").then())
                .block();
        stations.save(new Station("2698A", "巡警大队", "Police Brigade", "national", 76.0072, 39.4467, "653101", null))
                .block();
        stations.save(new Station("SC01", "莎车县城", "Shache town", "county", 77.24, 38.41, "653125", null))
                .block();
        for (String station : new String[] {"2698A", "SC01"}) {
            for (int h = 0; h < 24; h++) {
                db.sql("""
                        insert into observation (station_id, hour, so2, no2, pm10, pm25, co, o3, o3_8h, valid, aqi,
                          primary_pollutants, standard)
                        values (:s, :hour, 8, 30, 90, :pm25, 0.8, 60, 55, true, :aqi, 'PM10', 'HJ633-2026')""")
                        .bind("s", station)
                        .bind("hour", LAST_HOUR.minus(23 - h, ChronoUnit.HOURS).atOffset(java.time.ZoneOffset.UTC))
                        .bind("pm25", pm25(h))
                        .bind("aqi", (int) aqi(h))
                        .then()
                        .block();
            }
        }
    }

    static long thingId(DatabaseClient db, String station) {
        return db.sql("select id from sta_thing where station_id = :s")
                .bind("s", station)
                .map(row -> row.get("id", Long.class))
                .one()
                .block();
    }
}
