package cn.lantian.dust.site;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.events.DustEvents;
import cn.lantian.dust.rules.DustRules;
import cn.lantian.dust.web.Checks;
import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.web.NotFound;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Writes sites and applies the monitor rule, publishing {@code site-monitor-missing} through the outbox. */
@Service
public class SiteService {

    static final Set<String> PHASES = Set.of("earthwork", "structure", "finishing", "demolition");
    static final Set<String> STATUSES = Set.of("planned", "active", "suspended", "finished");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final BigDecimal MAX_AREA = new BigDecimal("100000000");

    private final Sites sites;
    private final Access access;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final DustRules rules;
    private final MonitorRule monitorRule;
    private final Clock clock;

    SiteService(Sites sites, Access access, Outbox outbox, TransactionalOperator tx, DustRules rules, Clock clock) {
        this.sites = sites;
        this.access = access;
        this.outbox = outbox;
        this.tx = tx;
        this.rules = rules;
        this.monitorRule = new MonitorRule(rules);
        this.clock = clock;
    }

    /** A stored site and whether the write created it. */
    public record Saved(Site site, boolean created) {}

    /** A site as checked input, or the list of bad fields; {@code pathId} is the id of a PUT's path. */
    Site check(SiteInput in, String pathId) {
        Checks c = new Checks();
        String id = pathId != null ? pathId : c.text("id", in.id(), 64);
        if (id != null && !ID.matcher(id).matches()) {
            c.fail("id", "must be 1 to 64 letters, digits, dots, dashes or underscores");
        }
        if (pathId != null && in.id() != null && !in.id().equals(pathId)) {
            c.fail("id", "must match the id in the path");
        }
        String project = c.text("project", in.project(), 200);
        String builder = c.text("builderName", in.builderName(), 200);
        String credit = c.text("builderCreditCode", in.builderCreditCode(), 18);
        if (credit != null && !CreditCode.valid(credit)) {
            c.fail("builderCreditCode", "is not a valid unified social credit code");
        }
        BigDecimal area = c.required("areaM2", in.areaM2());
        if (area != null && (area.signum() <= 0 || area.compareTo(MAX_AREA) > 0 || area.scale() > 1)) {
            c.fail("areaM2", "must be above 0 and at most 100,000,000 m², with at most one decimal");
        }
        String phase = c.text("phase", in.phase(), 20);
        if (phase != null && !PHASES.contains(phase)) {
            c.fail(
                    "phase",
                    "must be one of "
                            + String.join(", ", PHASES.stream().sorted().toList()));
        }
        String status = in.status() == null ? "active" : c.text("status", in.status(), 20);
        if (status != null && !STATUSES.contains(status)) {
            c.fail(
                    "status",
                    "must be one of "
                            + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        LocalDate plannedStart = date(c, "plannedStart", in.plannedStart());
        LocalDate plannedEnd = date(c, "plannedEnd", in.plannedEnd());
        LocalDate actualStart = date(c, "actualStart", in.actualStart());
        LocalDate actualEnd = date(c, "actualEnd", in.actualEnd());
        if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
            c.fail("plannedEnd", "must not be before plannedStart");
        }
        if (actualStart != null && actualEnd != null && actualEnd.isBefore(actualStart)) {
            c.fail("actualEnd", "must not be before actualStart");
        }
        String address = c.optionalText("address", in.address(), 200);
        Double lon = c.number("lon", in.lon(), -180, 180);
        Double lat = c.number("lat", in.lat(), -90, 90);
        Placement placement = null;
        if (!c.failed()) {
            placement = access.jurisdictions().locate(lon, lat).orElse(null);
            if (placement == null) {
                c.fail("lon", "the point lies outside Kashgar Prefecture");
            }
        }
        c.done();
        return new Site(
                id,
                project,
                builder,
                credit,
                area,
                phase,
                plannedStart,
                plannedEnd,
                actualStart,
                actualEnd,
                address,
                lon,
                lat,
                placement.jurisdiction(),
                placement.corpsUnit(),
                status,
                null,
                0);
    }

    /**
     * Creates or replaces a site the caller governs. A site that exists where the caller may not write answers as
     * absent (404); a new site outside their jurisdiction is refused (403).
     *
     * @return the stored site, and whether it is new
     */
    public Mono<Saved> save(Caller caller, Site site, boolean mustExist) {
        return tx.transactional(sites.byId(site.id())
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(existing -> {
                    if (existing.isPresent()
                            && !access.mayWrite(
                                    caller, Access.DUST_AGENCIES, existing.get().placement())) {
                        return Mono.error(new NotFound("No site " + site.id() + "."));
                    }
                    if (existing.isEmpty() && mustExist) {
                        return Mono.error(new NotFound("No site " + site.id() + "."));
                    }
                    access.checkWrite(caller, Access.DUST_AGENCIES, site.placement());
                    return sites.save(site)
                            .flatMap(created -> sites.byId(site.id())
                                    .flatMap(this::judgeMonitor)
                                    .map(stored -> new Saved(stored, created)));
                }));
    }

    /**
     * Applies the monitor rule to a stored site inside the caller's transaction: raises {@code site-monitor-missing}
     * once when a site that needs a monitor has none, and clears the mark when it has one or needs none.
     */
    public Mono<Site> judgeMonitor(Site site) {
        boolean missing = monitorRule.requiresMonitor(site.areaM2(), site.status()) && site.monitors() == 0;
        if (missing && site.monitorMissingSince() == null) {
            return sites.monitorMissing(site.id(), clock.instant())
                    .then(outbox.append(monitorMissing(site)))
                    .then(sites.byId(site.id()));
        }
        if (!missing && site.monitorMissingSince() != null) {
            return sites.monitorMissing(site.id(), null).then(sites.byId(site.id()));
        }
        return Mono.just(site);
    }

    private OutgoingEvent monitorMissing(Site site) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("siteId", site.id());
        data.put("areaM2", site.areaM2());
        data.put("location", DustEvents.location(site.lon(), site.lat()));
        data.put("rule", DustEvents.rule(rules.rule(DustRules.SITE_MONITOR_MIN_AREA)));
        data.put("project", site.project());
        data.put("phase", site.phase());
        return OutgoingEvent.of(
                        DustEvents.SITE_MONITOR_MISSING,
                        "site/" + site.id(),
                        site.placement(),
                        DustEvents.HOUSING,
                        data)
                .withSeverity("minor")
                .at(clock.instant());
    }

    private static LocalDate date(Checks c, String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            c.fail(field, "must be a date such as 2026-03-01");
            return null;
        }
    }
}
