package cn.lantian.mobile.scrapping;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.mobile.web.Page;
import cn.lantian.security.Callers;
import cn.lantian.web.InvalidInput;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Scrapping obligations per county and Corps unit, their progress, and deregistration. */
@RestController
@RequestMapping("/api/mobile/v1")
class ScrappingController {

    private static final int MAX_LIMIT = 500;

    private final Obligations obligations;
    private final Deregistration deregistration;
    private final ScrappingRule rule;
    private final Jurisdiction access;

    /** Quotas count the calendar year of the prefecture's offices. */
    private static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");

    private final ScrappingQuotas quotas;
    private final java.time.Clock clock;

    ScrappingController(
            Obligations obligations,
            Deregistration deregistration,
            ScrappingRule rule,
            Jurisdiction access,
            ScrappingQuotas quotas,
            java.time.Clock clock) {
        this.obligations = obligations;
        this.deregistration = deregistration;
        this.rule = rule;
        this.access = access;
        this.quotas = quotas;
        this.clock = clock;
    }

    /** A deregistration: the date the vehicle left the register (scrapped). */
    record DeregistrationInput(LocalDate date) {}

    /** A vehicle that must be scrapped, and why. */
    record Obligation(Vehicle vehicle, String reason) {}

    @PostMapping("/vehicles/{id}/deregistration")
    Mono<Vehicle> deregister(@PathVariable String id, @RequestBody DeregistrationInput in) {
        return Callers.current().flatMap(c -> deregistration.deregister(c, id, in.date()));
    }

    @GetMapping("/scrapping/obligations")
    Mono<Page<Obligation>> open(
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
        return Callers.current()
                .flatMap(c -> obligations
                        .open(access.visibleUnits(c), jurisdiction, plate, after, limit + 1)
                        .map(v -> new Obligation(v, rule.reasonFor(v).orElse(null)))
                        .collectList()
                        .map(list -> Page.of(list, limit, o -> o.vehicle().id())));
    }

    /**
     * A unit's scrapping progress against its annual quota.
     *
     * @param open vehicles still registered that must be scrapped
     * @param scrapped vehicles under the obligation deregistered, ever
     * @param scrappedThisYear of those, deregistered since 1 January (Beijing time)
     * @param quota the unit's annual quota, null where the unit has none
     * @param quotaShare scrappedThisYear / quota, null without a quota (or a quota of 0)
     */
    record UnitProgress(
            String unit,
            long open,
            long scrapped,
            long scrappedThisYear,
            Integer quota,
            Double quotaShare,
            String quotaStatus,
            String quotaSource) {}

    @GetMapping("/scrapping/progress")
    Mono<List<UnitProgress>> progress() {
        LocalDate yearStart = LocalDate.now(clock.withZone(BEIJING)).withDayOfYear(1);
        return Callers.current().flatMap(c -> {
            List<String> units = access.visibleUnits(c);
            return obligations.progress(units, yearStart).collectList().map(rows -> {
                java.util.Map<String, Obligations.Progress> byUnit = new java.util.TreeMap<>();
                rows.forEach(r -> byUnit.put(r.unit(), r));
                // Units with a quota and nothing listed yet still show their quota.
                quotas.all().keySet().stream()
                        .filter(u -> units == null || units.contains(u))
                        .forEach(u -> byUnit.putIfAbsent(u, new Obligations.Progress(u, 0, 0, 0)));
                return byUnit.values().stream()
                        .map(p -> quotas.of(p.unit())
                                .map(q -> new UnitProgress(
                                        p.unit(),
                                        p.open(),
                                        p.scrapped(),
                                        p.scrappedThisYear(),
                                        q.annual(),
                                        q.annual() == 0 ? null : (double) p.scrappedThisYear() / q.annual(),
                                        q.status(),
                                        q.source()))
                                .orElseGet(() -> new UnitProgress(
                                        p.unit(),
                                        p.open(),
                                        p.scrapped(),
                                        p.scrappedThisYear(),
                                        null,
                                        null,
                                        null,
                                        null)))
                        .toList();
            });
        });
    }
}
