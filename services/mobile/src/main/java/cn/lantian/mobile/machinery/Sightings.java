package cn.lantian.mobile.machinery;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.events.DomainEvents;
import cn.lantian.mobile.events.Raised;
import cn.lantian.mobile.zone.LowEmissionZones;
import cn.lantian.mobile.zone.Zone;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.web.FieldError;
import cn.lantian.web.Forbidden;
import cn.lantian.web.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Judges a machine seen at work and records the sighting: a machine without a (known) code is unregistered; smoke
 * above the Ringelmann limit is black smoke; a machine whose stage is below that of the low-emission zone it works in
 * breaks the zone. Each violation is stored and raises {@code lantian.mobile.machinery-violation.v1} in the same
 * transaction.
 */
@Service
public class Sightings {

    static final String VIOLATION = "lantian.mobile.machinery-violation.v1";
    static final String UNREGISTERED = "unregistered";
    static final String BLACK_SMOKE = "black-smoke";
    static final String ZONE = "low-emission-zone";

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final String REGISTRATION_SOURCE =
            "MEE notice on non-road machinery survey and code registration (local copies); 行动方案 三.七";

    private final Machines machines;
    private final MachineryRules rules;
    private final LowEmissionZones zones;
    private final Jurisdictions jurisdictions;
    private final Jurisdiction access;
    private final DomainEvents events;
    private final DatabaseClient db;
    private final Clock clock;

    Sightings(
            Machines machines,
            MachineryRules rules,
            LowEmissionZones zones,
            Jurisdictions jurisdictions,
            Jurisdiction access,
            DomainEvents events,
            DatabaseClient db,
            Clock clock) {
        this.machines = machines;
        this.rules = rules;
        this.zones = zones;
        this.jurisdictions = jurisdictions;
        this.access = access;
        this.events = events;
        this.db = db;
        this.clock = clock;
    }

    /** Records the sighting and every violation it reveals, or fails with every field error at once. */
    @Transactional
    public Mono<SightingReport> record(Caller caller, SightingInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.at() == null) {
            errors.add(new FieldError("at", "is required"));
        } else if (in.at().toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            errors.add(new FieldError("at", "lies in the future"));
        }
        Placement place = null;
        if (in.lon() == null || in.lat() == null) {
            errors.add(new FieldError(in.lon() == null ? "lon" : "lat", "is required"));
        } else {
            place = jurisdictions.locate(in.lon(), in.lat()).orElse(null);
            if (place == null) {
                errors.add(new FieldError("lon", "the place lies outside Kashgar Prefecture"));
            }
        }
        if (in.ringelmann() != null && (in.ringelmann() < 0 || in.ringelmann() > 5)) {
            errors.add(new FieldError("ringelmann", "is a Ringelmann grade, 0 to 5"));
        }
        if (in.observedStage() != null && !rules.knownStage(in.observedStage())) {
            errors.add(
                    new FieldError("observedStage", "must be one of " + String.join(", ", rules.stages()) + ", none"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInput(errors));
        }
        if (!access.mayWrite(caller, place)) {
            return Mono.error(new Forbidden("the place lies outside your jurisdiction " + caller.jurisdiction()));
        }
        Placement at = place;
        String code =
                in.code() == null || in.code().isBlank() ? null : in.code().trim();
        Mono<Optional<Machine>> machine = code == null
                ? Mono.just(Optional.empty())
                : machines.byCode(code).map(Optional::of).defaultIfEmpty(Optional.empty());
        return machine.flatMap(m -> judge(caller, in, at, code, m.orElse(null)));
    }

    private Mono<SightingReport> judge(Caller caller, SightingInput in, Placement place, String code, Machine m) {
        String sightingId = "sight-" + UUID.randomUUID().toString().substring(0, 12);
        Instant at = in.at().toInstant();
        Zone zone = zones.at(in.lon(), in.lat()).orElse(null);
        String stage = m != null ? m.emissionStage() : in.observedStage();
        List<Found> found = new ArrayList<>();
        if (m == null) {
            found.add(new Found(
                    UNREGISTERED,
                    "minor",
                    new MachineryViolation.RuleRef(
                            "nrmm-code-registration", REGISTRATION_SOURCE, "secondary source", null, null)));
        }
        Rule smoke = rules.ringelmann();
        if (in.ringelmann() != null && in.ringelmann() > smoke.value()) {
            found.add(new Found(
                    BLACK_SMOKE,
                    "major",
                    new MachineryViolation.RuleRef(
                            "nrmm-ringelmann", smoke.source(), smoke.status(), smoke.value(), smoke.unit())));
        }
        if (zone != null && stage != null && rules.belowZone(stage, zone)) {
            found.add(new Found(
                    ZONE,
                    "major",
                    new MachineryViolation.RuleRef(
                            "nrmm-low-emission-zone/" + zone.id(), zone.source(), zone.status(), null, null)));
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into machinery_sighting (id, at, lon, lat, "
                        + "jurisdiction, corps_unit, machine_code, machine_id, site, ringelmann, observed_stage, "
                        + "zone_id, recorded_at, recorded_by) values (:id, :at, :lon, :lat, :j, :corps, :code, "
                        + ":machine, :site, :ringelmann, :stage, :zone, :now, :by)")
                .bind("id", sightingId)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("lon", in.lon())
                .bind("lat", in.lat())
                .bind("j", place.jurisdiction())
                .bind("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .bind("by", caller.username());
        spec = nullable(spec, "corps", place.corpsUnit(), String.class);
        spec = nullable(spec, "code", code, String.class);
        spec = nullable(spec, "machine", m == null ? null : m.id(), String.class);
        spec = nullable(spec, "site", in.site(), String.class);
        spec = nullable(spec, "ringelmann", in.ringelmann(), Double.class);
        spec = nullable(spec, "stage", in.observedStage(), String.class);
        spec = nullable(spec, "zone", zone == null ? null : zone.id(), String.class);
        List<Violation> violations = new ArrayList<>();
        return spec.then()
                .thenMany(Flux.fromIterable(found).concatMap(f -> {
                    Violation v = new Violation(
                            "nrv-" + UUID.randomUUID().toString().substring(0, 12),
                            sightingId,
                            f.kind(),
                            m == null ? code : m.code(),
                            at,
                            in.lon(),
                            in.lat(),
                            place.jurisdiction(),
                            place.corpsUnit(),
                            zone == null ? null : zone.id(),
                            f.rule().id(),
                            f.rule().source(),
                            f.rule().status());
                    violations.add(v);
                    MachineryViolation data = new MachineryViolation(
                            v.id(),
                            f.kind(),
                            sightingId,
                            v.machineCode(),
                            m == null ? null : m.kind(),
                            stage,
                            in.site(),
                            in.ringelmann(),
                            zone == null ? null : zone.id(),
                            zone == null ? null : zone.minStage(),
                            new MachineryViolation.Location(in.lon(), in.lat()),
                            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(BEIJING)),
                            f.rule());
                    return insert(v)
                            .then(events.raise(
                                    new Raised(VIOLATION, "machinery-violation/" + v.id(), place, f.severity(), data)));
                }))
                .then(Mono.fromSupplier(() -> new SightingReport(
                        sightingId, m == null ? null : m.code(), zone == null ? null : zone.id(), violations)));
    }

    private Mono<Void> insert(Violation v) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into machinery_violation (id, sighting_id, kind, "
                        + "machine_code, at, lon, lat, jurisdiction, corps_unit, zone_id, rule_id, rule_source, "
                        + "rule_status) values (:id, :sighting, :kind, :code, :at, :lon, :lat, :j, :corps, :zone, "
                        + ":rule, :source, :status)")
                .bind("id", v.id())
                .bind("sighting", v.sightingId())
                .bind("kind", v.kind())
                .bind("at", OffsetDateTime.ofInstant(v.at(), ZoneOffset.UTC))
                .bind("lon", v.lon())
                .bind("lat", v.lat())
                .bind("j", v.jurisdiction())
                .bind("rule", v.ruleId())
                .bind("source", v.ruleSource())
                .bind("status", v.ruleStatus());
        spec = nullable(spec, "code", v.machineCode(), String.class);
        spec = nullable(spec, "corps", v.corpsUnit(), String.class);
        spec = nullable(spec, "zone", v.zoneId(), String.class);
        return spec.then();
    }

    /** One page of violations ordered by id; units null for all. */
    public Flux<Violation> page(List<String> units, String jurisdiction, String kind, String after, int limit) {
        StringBuilder sql = new StringBuilder("select * from machinery_violation where true");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
            binds.put("units", units.toArray(String[]::new));
        }
        if (jurisdiction != null) {
            sql.append(" and (jurisdiction = :j or corps_unit = :j)");
            binds.put("j", jurisdiction);
        }
        if (kind != null) {
            sql.append(" and kind = :kind");
            binds.put("kind", kind);
        }
        if (after != null) {
            sql.append(" and id > :after");
            binds.put("after", after);
        }
        sql.append(" order by id limit :limit");
        binds.put("limit", limit);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.map(r -> new Violation(
                        r.get("id", String.class),
                        r.get("sighting_id", String.class),
                        r.get("kind", String.class),
                        r.get("machine_code", String.class),
                        r.get("at", OffsetDateTime.class).toInstant(),
                        r.get("lon", Double.class),
                        r.get("lat", Double.class),
                        r.get("jurisdiction", String.class),
                        r.get("corps_unit", String.class),
                        r.get("zone_id", String.class),
                        r.get("rule_id", String.class),
                        r.get("rule_source", String.class),
                        r.get("rule_status", String.class)))
                .all();
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private record Found(String kind, String severity, MachineryViolation.RuleRef rule) {}
}
