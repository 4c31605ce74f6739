package cn.lantian.dust.site;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.emergency.EmergencyService;
import cn.lantian.dust.events.DustEvents;
import cn.lantian.dust.web.Checks;
import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.security.Caller;
import cn.lantian.web.Conflict;
import cn.lantian.web.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/** Records six 100 % inspections; each failed item is a {@code site-dust-violation} naming the item. */
@Service
class InspectionService {

    static final int MAX_PHOTOS = 20;

    private final Sites sites;
    private final Inspections inspections;
    private final Access access;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final ObjectMapper json;
    private final EmergencyService emergency;
    private final Clock clock;

    InspectionService(
            Sites sites,
            Inspections inspections,
            Access access,
            Outbox outbox,
            TransactionalOperator tx,
            ObjectMapper json,
            EmergencyService emergency,
            Clock clock) {
        this.emergency = emergency;
        this.sites = sites;
        this.inspections = inspections;
        this.access = access;
        this.outbox = outbox;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** Checks an inspection: all six items once each, a failed item with at least one photo, a time not in the future. */
    Inspection check(String siteId, String inspector, InspectionInput in) {
        Checks c = new Checks();
        String id = in.id() == null ? "insp-" + UUID.randomUUID() : c.text("id", in.id(), 64);
        if (id != null && !SiteService.ID.matcher(id).matches()) {
            c.fail("id", "must be 1 to 64 letters, digits, dots, dashes or underscores");
        }
        Instant at = null;
        String when = c.text("inspectedAt", in.inspectedAt(), 40);
        if (when != null) {
            try {
                at = OffsetDateTime.parse(when).toInstant();
                if (at.isAfter(clock.instant().plusSeconds(300))) {
                    c.fail("inspectedAt", "must not be in the future");
                }
            } catch (DateTimeParseException e) {
                c.fail("inspectedAt", "must be a date and time with offset, such as 2026-12-01T10:00:00+08:00");
            }
        }
        List<InspectionInput.Item> items = in.items() == null ? List.of() : in.items();
        if (in.items() == null) {
            c.fail("items", "is required");
        }
        Set<String> seen = new HashSet<>();
        List<String> failed = new ArrayList<>();
        List<InspectionInput.Item> clean = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            InspectionInput.Item item = items.get(i);
            String prefix = "items[" + i + "].";
            if (item == null) {
                c.fail("items[" + i + "]", "must be an object");
                continue;
            }
            String name = c.text(prefix + "item", item.item(), 30);
            if (name != null && !SixItems.ALL.contains(name)) {
                c.fail(prefix + "item", "must be one of " + String.join(", ", SixItems.ALL));
            } else if (name != null && !seen.add(name)) {
                c.fail(prefix + "item", "is given twice");
            }
            Boolean passed = c.required(prefix + "passed", item.passed());
            List<String> photos = item.photos() == null ? List.of() : item.photos();
            if (photos.size() > MAX_PHOTOS) {
                c.fail(prefix + "photos", "at most " + MAX_PHOTOS + " photo references");
            }
            for (int p = 0; p < photos.size(); p++) {
                c.text(prefix + "photos[" + p + "]", photos.get(p), 300);
            }
            if (Boolean.FALSE.equals(passed) && photos.isEmpty()) {
                c.fail(prefix + "photos", "a failed item needs at least one photo reference");
            }
            String note = c.optionalText(prefix + "note", item.note(), 500);
            if (Boolean.FALSE.equals(passed) && name != null) {
                failed.add(name);
            }
            clean.add(new InspectionInput.Item(name, passed, List.copyOf(photos), note));
        }
        if (in.items() != null && seen.size() != SixItems.ALL.size() && !c.failed()) {
            List<String> missing =
                    SixItems.ALL.stream().filter(s -> !seen.contains(s)).toList();
            c.fail("items", "must give all six items; missing " + String.join(", ", missing));
        }
        c.done();
        return new Inspection(id, siteId, at, inspector, clean, failed);
    }

    /** Records the inspection at a site the caller governs and raises one violation per failed item. */
    Mono<Inspection> record(Caller caller, String siteId, InspectionInput in) {
        Inspection inspection = check(siteId, caller.username(), in);
        return tx.transactional(sites.byId(siteId)
                .filter(s -> access.mayWrite(caller, Access.DUST_AGENCIES, s.placement()))
                .switchIfEmpty(Mono.error(new NotFound("No site " + siteId + ".")))
                .flatMap(site -> inspections.insert(inspection).flatMap(inserted -> {
                    if (!inserted) {
                        return Mono.error(new Conflict("Inspection " + inspection.id() + " exists already."));
                    }
                    return Flux.fromIterable(inspection.items())
                            .filter(item -> Boolean.FALSE.equals(item.passed()))
                            .concatMap(item -> violation(site, inspection, item))
                            .then(
                                    Boolean.TRUE.equals(in.working())
                                            ? emergency.workingAgainstMeasure(
                                                    site.id(),
                                                    site.placement(),
                                                    site.phase(),
                                                    site.lon(),
                                                    site.lat(),
                                                    "inspection",
                                                    inspection.inspectedAt())
                                            : Mono.just(false))
                            .thenReturn(inspection);
                })));
    }

    Flux<Inspection> ofSite(Caller caller, String siteId, int limit) {
        return sites.byId(siteId)
                .filter(s -> access.mayRead(caller, s.placement()))
                .switchIfEmpty(Mono.error(new NotFound("No site " + siteId + ".")))
                .flatMapMany(s -> inspections.ofSite(siteId, limit));
    }

    private Mono<Void> violation(Site site, Inspection inspection, InspectionInput.Item item) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("siteId", site.id());
        data.put("measure", item.item());
        data.put("location", DustEvents.location(site.lon(), site.lat()));
        data.put("at", inspection.inspectedAt().toString());
        data.put("evidence", "inspection");
        data.put("inspectionId", inspection.id());
        data.put("photos", item.photos());
        if (item.note() != null) {
            data.put("note", item.note());
        }
        OutgoingEvent event = OutgoingEvent.of(
                        DustEvents.SITE_DUST_VIOLATION, "site/" + site.id(), site.placement(), DustEvents.HOUSING, data)
                .withSeverity("major")
                .at(inspection.inspectedAt());
        return inspections
                .violation(
                        inspection.id() + "/" + item.item(),
                        site.id(),
                        "inspection",
                        item.item(),
                        inspection.inspectedAt(),
                        json.writeValueAsString(data))
                .flatMap(isNew -> isNew ? outbox.append(event).then() : Mono.empty());
    }
}
