package cn.lantian.stationary.rules;

import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.NamedEnterprises;
import cn.lantian.reference.Placement;
import cn.lantian.stationary.access.PermitAccess;
import cn.lantian.stationary.events.Location;
import cn.lantian.stationary.events.RuleReference;
import cn.lantian.stationary.registry.Enterprise;
import cn.lantian.stationary.registry.Facility;
import cn.lantian.stationary.registry.RecordChecks;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the findings in line with the rules: raises a finding (and its event) for every rule newly broken and
 * resolves (with its event) every open finding whose rule no longer breaks. Runs inside the caller's transaction.
 */
@Component
public class RuleEngine implements RecordChecks {

    /** Kashgar keeps Beijing time for official dates. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DatabaseClient db;
    private final RuleTable table;
    private final Rules rules;
    private final Outbox outbox;
    private final Clock clock;

    public RuleEngine(DatabaseClient db, Outbox outbox, Clock clock) {
        this.db = db;
        this.table = RuleTable.load();
        this.rules = new Rules(table, NamedEnterprises.load());
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The loaded rule table. */
    public RuleTable table() {
        return table;
    }

    /** Re-evaluates one facility. */
    @Override
    public Mono<Void> evaluate(Facility f) {
        List<Rule> broken = rules.broken(f, LocalDate.now(clock.withZone(ZONE)));
        return reconcile(
                f.id(),
                f.kind(),
                f.enterpriseId(),
                f.placement(),
                f.lon(),
                f.lat(),
                broken,
                "phased-out".equals(f.status()) || "closed".equals(f.status()) ? f.status() : "rectified");
    }

    /** Re-evaluates one enterprise's own rules (the named enterprises' retrofit). */
    @Override
    public Mono<Void> evaluate(Enterprise e) {
        return reconcile(
                e.id(),
                "enterprise",
                e.id(),
                e.placement(),
                e.lon(),
                e.lat(),
                rules.broken(e),
                "retrofit-" + e.ultraLow());
    }

    private Mono<Void> reconcile(
            String facilityId,
            String kind,
            String enterpriseId,
            Placement placement,
            double lon,
            double lat,
            List<Rule> broken,
            String resolution) {
        Set<String> brokenIds = broken.stream().map(Rule::id).collect(Collectors.toSet());
        return open(facilityId).collectList().flatMap(open -> {
            Set<String> openIds = open.stream().map(Finding::ruleId).collect(Collectors.toSet());
            Flux<Void> raise = Flux.fromIterable(broken)
                    .filter(r -> !openIds.contains(r.id()))
                    .concatMap(r -> raise(r, facilityId, kind, enterpriseId, placement, lon, lat));
            Flux<Void> resolve = Flux.fromIterable(open)
                    .filter(f -> !brokenIds.contains(f.ruleId()))
                    .concatMap(f -> resolve(f, placement, resolution));
            return raise.thenMany(resolve).then();
        });
    }

    private Mono<Void> raise(
            Rule rule,
            String facilityId,
            String kind,
            String enterpriseId,
            Placement placement,
            double lon,
            double lat) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        String id = "f-" + facilityId + "-" + rule.id() + "-" + now.toEpochSecond();
        var data = new FindingRaised(
                id,
                new RuleReference(rule.id(), rule.source(), rule.threshold(), rule.unit()),
                facilityId,
                kind,
                enterpriseId,
                rule.summary(),
                new Location(lon, lat));
        return db.sql("insert into finding (id, rule_id, facility_id, facility_kind, enterprise_id, jurisdiction, "
                        + "corps_unit, summary, raised_at) values (:id, :rule, :facility, :kind, :enterprise, :j, :corps, "
                        + ":summary, :at)")
                .bind("id", id)
                .bind("rule", rule.id())
                .bind("facility", facilityId)
                .bind("kind", kind)
                .bind("enterprise", enterpriseId)
                .bind("j", placement.jurisdiction())
                .bind("corps", placement.corpsUnit() == null ? "" : placement.corpsUnit())
                .bind("summary", rule.summary())
                .bind("at", now)
                .then()
                .then(outbox.append(OutgoingEvent.of(
                                        "lantian.stationary.rule-finding-raised.v1",
                                        kind + "/" + facilityId,
                                        placement,
                                        PermitAccess.AGENCY,
                                        data)
                                .withSeverity(rule.severity()))
                        .then());
    }

    private Mono<Void> resolve(Finding f, Placement placement, String resolution) {
        Rule rule = table.byId(f.ruleId());
        var data = new FindingResolved(
                f.id(),
                new RuleReference(rule.id(), rule.source(), rule.threshold(), rule.unit()),
                f.facilityId(),
                resolution);
        return db.sql("update finding set resolved_at = :at, resolution = :resolution where id = :id")
                .bind("at", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .bind("resolution", resolution)
                .bind("id", f.id())
                .then()
                .then(outbox.append(OutgoingEvent.of(
                                        "lantian.stationary.rule-finding-resolved.v1",
                                        f.facilityKind() + "/" + f.facilityId(),
                                        placement,
                                        PermitAccess.AGENCY,
                                        data)
                                .withSeverity("info"))
                        .then());
    }

    /** The open findings of a facility or enterprise. */
    public Flux<Finding> open(String facilityId) {
        return db.sql("select * from finding where facility_id = :id and resolved_at is null")
                .bind("id", facilityId)
                .map(r -> finding(r))
                .all();
    }

    /** Findings visible to the given units (null: all), newest first, optionally only open ones. */
    public Flux<Finding> findings(List<String> units, String ruleId, boolean openOnly, String before, int limit) {
        StringBuilder sql = new StringBuilder("select * from finding where true");
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
        }
        if (ruleId != null) {
            sql.append(" and rule_id = :rule");
        }
        if (openOnly) {
            sql.append(" and resolved_at is null");
        }
        if (before != null) {
            sql.append(" and id < :before");
        }
        sql.append(" order by id desc limit :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", limit);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        if (ruleId != null) {
            spec = spec.bind("rule", ruleId);
        }
        if (before != null) {
            spec = spec.bind("before", before);
        }
        return spec.map(r -> finding(r)).all();
    }

    static Finding finding(Readable r) {
        OffsetDateTime resolved = r.get("resolved_at", OffsetDateTime.class);
        String corps = r.get("corps_unit", String.class);
        return new Finding(
                r.get("id", String.class),
                r.get("rule_id", String.class),
                r.get("facility_id", String.class),
                r.get("facility_kind", String.class),
                r.get("enterprise_id", String.class),
                r.get("jurisdiction", String.class),
                corps == null || corps.isEmpty() ? null : corps,
                r.get("summary", String.class),
                r.get("raised_at", OffsetDateTime.class).toInstant(),
                resolved == null ? null : resolved.toInstant(),
                r.get("resolution", String.class));
    }

    /** Data of {@code rule-finding-raised.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FindingRaised(
            String findingId,
            RuleReference rule,
            String facilityId,
            String facilityKind,
            String enterpriseId,
            String summary,
            Location location) {}

    /** Data of {@code rule-finding-resolved.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FindingResolved(String findingId, RuleReference rule, String facilityId, String resolution) {}
}
