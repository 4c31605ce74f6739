package cn.lantian.dust.monitor;

import cn.lantian.dust.db.Binds;
import cn.lantian.dust.events.DustEvents;
import cn.lantian.dust.rules.DustRules;
import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.Placement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Flags monitors silent longer than the rule allows, once per silence ({@code site-monitor-silent}); a reading clears
 * the flag.
 */
@Component
class SilentWatch {

    private final DatabaseClient db;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final DustRules rules;
    private final Clock clock;

    SilentWatch(DatabaseClient db, Outbox outbox, TransactionalOperator tx, DustRules rules, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.tx = tx;
        this.rules = rules;
        this.clock = clock;
    }

    @Scheduled(cron = "${lantian.dust.silent-check-cron:0 */5 * * * *}")
    void scheduled() {
        check().block(Duration.ofMinutes(2));
    }

    /** Flags the monitors of open sites silent since before the allowed gap; returns how many were flagged. */
    Mono<Integer> check() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofMinutes((long) rules.number(DustRules.SILENT_MINUTES)));
        return tx.transactional(db.sql("""
                update site_monitor m set silent_since = :now
                from site s where s.id = m.site_id and s.status = 'active' and m.silent_since is null
                  and coalesce(m.last_reading_at, m.created_at) < :cutoff
                returning m.id, m.site_id, m.last_reading_at, s.lon, s.lat, s.jurisdiction, s.corps_unit""")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .map(r -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("monitorId", r.get("id", String.class));
                    data.put("siteId", r.get("site_id", String.class));
                    Instant last = Binds.instant(r, "last_reading_at");
                    if (last != null) {
                        data.put("lastReadingAt", last.toString());
                    }
                    data.put("silentSince", now.toString());
                    data.put("location", DustEvents.location(r.get("lon", Double.class), r.get("lat", Double.class)));
                    data.put("rule", DustEvents.rule(rules.rule(DustRules.SILENT_MINUTES)));
                    return OutgoingEvent.of(
                                    DustEvents.SITE_MONITOR_SILENT,
                                    "site/" + r.get("site_id", String.class),
                                    new Placement(
                                            r.get("jurisdiction", String.class), r.get("corps_unit", String.class)),
                                    DustEvents.HOUSING,
                                    data)
                            .withSeverity("minor")
                            .at(now);
                })
                .all()
                .collectList()
                .flatMap(events -> outbox.appendAll(events).thenReturn(events.size())));
    }
}
