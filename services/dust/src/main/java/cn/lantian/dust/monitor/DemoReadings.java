package cn.lantian.dust.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Demonstration readings when {@code lantian.demo.enabled=true}: every demo monitor reports hourly for the last 30
 * days up to the current hour. Readings older than a day are written straight to the tables (no events, so the demo
 * does not flood other services); the last 24 hours go through the ingest with its rules and outbox, so recent
 * exceedances reach enforcement and the joint index. A second start adds only the hours since the last reading.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class DemoReadings implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoReadings.class);

    private final DatabaseClient db;
    private final MonitorIngest ingest;
    private final Clock clock;

    DemoReadings(DatabaseClient db, MonitorIngest ingest, Clock clock) {
        this.db = db;
        this.ingest = ingest;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<MonitoredSite> monitors = db.sql("""
                select m.id as monitor_id, m.site_id, s.lon, s.lat, s.jurisdiction, s.corps_unit, s.phase,
                  max(r.at) as latest
                from site_monitor m join site s on s.id = m.site_id left join monitor_reading r on r.monitor_id = m.id
                where m.id like 'demo-mon-%' group by m.id, s.id order by m.id""")
                .map(r -> new MonitoredSite(
                        r.get("monitor_id", String.class),
                        r.get("site_id", String.class),
                        r.get("lon", Double.class),
                        r.get("lat", Double.class),
                        r.get("jurisdiction", String.class),
                        r.get("corps_unit", String.class),
                        r.get("phase", String.class)))
                .all()
                .collectList()
                .block();
        if (monitors == null || monitors.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        OffsetDateTime latest = db.sql("select max(at) from monitor_reading where monitor_id like 'demo-mon-%'")
                .map(r -> java.util.Optional.ofNullable(r.get(0, OffsetDateTime.class)))
                .one()
                .block()
                .orElse(null);
        Instant from = latest == null
                ? now.minus(Duration.ofDays(30))
                : latest.toInstant().plus(1, ChronoUnit.HOURS);
        Instant recent = now.minus(Duration.ofHours(24));
        Random random = new Random(from.getEpochSecond());
        List<Reading> old = new ArrayList<>();
        List<Reading> fresh = new ArrayList<>();
        for (Instant hour = from; !hour.isAfter(now); hour = hour.plus(1, ChronoUnit.HOURS)) {
            int hourOfDay = hour.atZone(ZoneOffset.ofHours(8)).getHour();
            double diurnal = hourOfDay >= 8 && hourOfDay <= 18 ? 40 : 0;
            for (MonitoredSite m : monitors) {
                double base = 50 + (m.monitorId().hashCode() & 0x3f) + diurnal + random.nextGaussian() * 15;
                double pm10 = Math.max(5, random.nextInt(60) == 0 ? base + 120 + random.nextInt(150) : base);
                Reading r = new Reading(
                        m.monitorId(),
                        hour.minus(5, ChronoUnit.MINUTES),
                        Math.round(pm10 * 10) / 10.0,
                        Math.round(pm10 * 4.5) / 10.0,
                        null);
                (hour.isBefore(recent) ? old : fresh).add(r);
            }
        }
        for (int i = 0; i < old.size(); i += 20_000) {
            writeQuietly(old.subList(i, Math.min(old.size(), i + 20_000)));
        }
        for (int i = 0; i < fresh.size(); i += 2_000) {
            ingest.ingest(MonitorIngest.BROKER, fresh.subList(i, Math.min(fresh.size(), i + 2_000)))
                    .block();
        }
        LOG.info("demo readings written: {} quietly, {} through the rules", old.size(), fresh.size());
    }

    /** Stores old readings and their site hours without judging them. */
    private void writeQuietly(List<Reading> readings) {
        db.sql("""
                with r as (
                  insert into monitor_reading (monitor_id, at, pm10, pm25, tsp)
                  select * from unnest(:ids::text[], :at::timestamptz[], :pm10::float8[], :pm25::float8[], :tsp::float8[])
                  on conflict do nothing returning monitor_id, at, pm10)
                insert into site_hour (site_id, hour, pm10_sum, n)
                select m.site_id, date_trunc('hour', r.at) + interval '1 hour', sum(r.pm10), count(*)
                from r join site_monitor m on m.id = r.monitor_id group by 1, 2
                on conflict (site_id, hour) do update set pm10_sum = site_hour.pm10_sum + excluded.pm10_sum,
                  n = site_hour.n + excluded.n""")
                .bind("ids", readings.stream().map(Reading::monitorId).toArray(String[]::new))
                .bind(
                        "at",
                        readings.stream()
                                .map(r -> r.at().atOffset(ZoneOffset.UTC))
                                .toArray(OffsetDateTime[]::new))
                .bind("pm10", readings.stream().map(Reading::pm10).toArray(Double[]::new))
                .bind("pm25", readings.stream().map(Reading::pm25).toArray(Double[]::new))
                .bind("tsp", readings.stream().map(Reading::tsp).toArray(Double[]::new))
                .fetch()
                .rowsUpdated()
                .block();
    }
}
