package cn.lantian.stationary.monitoring;

import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.Placement;
import cn.lantian.stationary.StationaryProperties;
import cn.lantian.stationary.access.PermitAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Every hour: each operating outlet's monitored pollutant (attribute {@code cems}) without a valid value for the
 * configured hours opens a data gap and raises {@code monitoring-data-gap.v1}; a valid value closes it (CemsIngest).
 */
@Component
public class GapWatch {

    private static final Logger LOG = LoggerFactory.getLogger(GapWatch.class);

    private final DatabaseClient db;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final StationaryProperties properties;
    private final Clock clock;
    private final MonitoringTables tables = MonitoringTables.load();

    public GapWatch(
            DatabaseClient db, Outbox outbox, TransactionalOperator tx, StationaryProperties properties, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    private record Candidate(
            String outletId,
            String enterpriseId,
            Placement placement,
            String pollutant,
            Instant lastValid,
            Instant since) {}

    @Scheduled(cron = "${lantian.stationary.gap-check-cron}")
    void hourly() {
        check().subscribe(n -> LOG.info("gap check opened {} gaps", n), e -> LOG.error("gap check failed", e));
    }

    /** Opens the gaps due now; emits how many were opened. */
    public Mono<Long> check() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant due = now.minus(Duration.ofHours(properties.gapHours()));
        return db.sql("select f.id, f.enterprise_id, f.jurisdiction, f.corps_unit, f.updated_at, p.pollutant, "
                        + "(select max(c.hour) from cems_hourly c "
                        + " where c.flag = any(:valid) and c.outlet_id = f.id and c.pollutant = p.pollutant) as last_valid "
                        + "from facility f cross join lateral jsonb_array_elements_text(coalesce(f.attributes->'cems', "
                        + "'[]'::jsonb)) as p(pollutant) where f.kind = 'outlet' and f.status = 'operating' "
                        + "and not exists (select 1 from monitoring_gap g where g.closed_at is null "
                        + "and g.outlet_id = f.id and g.pollutant = p.pollutant)")
                .bind("valid", tables.validFlags().toArray(String[]::new))
                .map(r -> {
                    OffsetDateTime last = r.get("last_valid", OffsetDateTime.class);
                    return new Candidate(
                            r.get("id", String.class),
                            r.get("enterprise_id", String.class),
                            new Placement(r.get("jurisdiction", String.class), r.get("corps_unit", String.class)),
                            r.get("pollutant", String.class),
                            last == null ? null : last.toInstant(),
                            r.get("updated_at", OffsetDateTime.class).toInstant());
                })
                .all()
                // An outlet that never reported counts from when it was registered.
                .filter(c ->
                        (c.lastValid() == null ? c.since() : c.lastValid().plus(Duration.ofHours(1))).compareTo(due)
                                <= 0)
                .concatMap(c -> tx.transactional(open(c, now)).thenReturn(1))
                .count();
    }

    private Mono<Void> open(Candidate c, Instant now) {
        Instant from = c.lastValid() == null
                ? c.since().truncatedTo(ChronoUnit.HOURS)
                : c.lastValid().plus(Duration.ofHours(1));
        int hours = (int) Math.max(1, Duration.between(from, now).toHours());
        var insert = db.sql("insert into monitoring_gap (outlet_id, pollutant, last_valid, raised_at) "
                        + "values (:o, :p, :last, :at) on conflict do nothing")
                .bind("o", c.outletId())
                .bind("p", c.pollutant())
                .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        insert = c.lastValid() == null
                ? insert.bindNull("last", OffsetDateTime.class)
                : insert.bind("last", OffsetDateTime.ofInstant(c.lastValid(), ZoneOffset.UTC));
        return insert.fetch()
                .rowsUpdated()
                .flatMap(n -> n == 0
                        ? Mono.empty()
                        : outbox.append(OutgoingEvent.of(
                                                "lantian.stationary.monitoring-data-gap.v1",
                                                "outlet/" + c.outletId(),
                                                c.placement(),
                                                PermitAccess.AGENCY,
                                                new ExceedanceEvents.Gap(
                                                        c.enterpriseId(),
                                                        c.outletId(),
                                                        c.pollutant(),
                                                        c.lastValid() == null
                                                                ? null
                                                                : c.lastValid().toString(),
                                                        hours))
                                        .withSeverity("minor"))
                                .then());
    }
}
