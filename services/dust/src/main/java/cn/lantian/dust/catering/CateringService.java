package cn.lantian.dust.catering;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.events.DustEvents;
import cn.lantian.dust.web.Checks;
import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes catering premises and readings, publishing {@code catering-violation} for each new finding. */
@Service
class CateringService {

    static final Set<String> PURIFIER_STATUSES = Set.of("running", "idle", "removed", "none");
    static final String AGENCY = "market-regulation";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Premises as written. */
    record RestaurantInput(
            @Size(max = TextLength.ID) String id,
            @Size(max = TextLength.NAME) String name,
            @Size(max = TextLength.ID) String operatorCreditCode,
            @Size(max = TextLength.TEXT) String address,
            Double lon,
            Double lat,
            Integer cookingHeads,
            @Size(max = TextLength.NAME) String purifierModel,
            BigDecimal purifierEfficiency,
            @Size(max = TextLength.CODE) String purifierStatus,
            Boolean onlineMonitor) {}

    private final Restaurants restaurants;
    private final Access access;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final CateringRules rules = CateringRules.load();
    private final Clock clock;

    CateringService(Restaurants restaurants, Access access, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.restaurants = restaurants;
        this.access = access;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    Restaurant check(RestaurantInput in, String pathId) {
        Checks c = new Checks();
        String id = pathId != null ? pathId : c.text("id", in.id(), 64);
        if (id != null && !ID.matcher(id).matches()) {
            c.fail("id", "must be 1 to 64 letters, digits, dots, dashes or underscores");
        }
        String name = c.text("name", in.name(), 200);
        String credit = c.optionalText("operatorCreditCode", in.operatorCreditCode(), 18);
        String address = c.optionalText("address", in.address(), 200);
        Integer heads = c.required("cookingHeads", in.cookingHeads());
        SizeClass size = null;
        if (heads != null) {
            size = heads > 500 ? null : rules.classOf(heads).orElse(null);
            if (size == null) {
                c.fail("cookingHeads", "must be between 1 and 500");
            }
        }
        String status = in.purifierStatus() == null ? "running" : c.text("purifierStatus", in.purifierStatus(), 10);
        if (status != null && !PURIFIER_STATUSES.contains(status)) {
            c.fail("purifierStatus", "must be one of running, idle, removed, none");
        }
        BigDecimal efficiency = in.purifierEfficiency();
        if (efficiency != null && (efficiency.signum() < 0 || efficiency.compareTo(BigDecimal.valueOf(100)) > 0)) {
            c.fail("purifierEfficiency", "must be a percentage between 0 and 100");
        }
        String model = c.optionalText("purifierModel", in.purifierModel(), 100);
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
        return new Restaurant(
                id,
                name,
                credit,
                address,
                lon,
                lat,
                placement.jurisdiction(),
                placement.corpsUnit(),
                heads,
                size.size(),
                model,
                efficiency,
                status,
                Boolean.TRUE.equals(in.onlineMonitor()));
    }

    /** Creates or replaces premises the caller governs and judges the purifier. */
    Mono<Restaurant> save(Caller caller, Restaurant r) {
        return tx.transactional(restaurants
                .byId(r.id())
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(existing -> {
                    if (existing.isPresent()
                            && !access.mayWrite(
                                    caller,
                                    Access.CATERING_AGENCIES,
                                    existing.get().placement())) {
                        return Mono.error(new NotFound("No restaurant " + r.id() + "."));
                    }
                    access.checkWrite(caller, Access.CATERING_AGENCIES, r.placement());
                    SizeClass size = rules.classOf(r.cookingHeads()).orElseThrow();
                    Instant today = LocalDate.now(clock.withZone(CHINA))
                            .atStartOfDay(CHINA)
                            .toInstant();
                    return restaurants
                            .save(r)
                            .thenMany(Flux.fromIterable(
                                    CateringJudge.purifier(size, r.purifierStatus(), r.purifierEfficiency())))
                            .concatMap(kind -> violation(r, size, kind, today, null))
                            .then(restaurants.byId(r.id()));
                }));
    }

    Mono<Boolean> cleaning(Caller caller, String id, LocalDate on, String photo) {
        return tx.transactional(visible(caller, id)
                .filter(r -> access.mayWrite(caller, Access.CATERING_AGENCIES, r.placement()))
                .switchIfEmpty(Mono.error(new NotFound("No restaurant " + id + ".")))
                .flatMap(r -> restaurants.cleaning(id, on, caller.username(), photo)));
    }

    /** Stores fume readings of premises the caller governs; each hour over the limit is one violation. */
    Mono<Integer> readings(Caller caller, List<FumeReading> readings) {
        List<String> ids =
                readings.stream().map(FumeReading::restaurantId).distinct().toList();
        return tx.transactional(restaurants
                .byIds(ids)
                .collectMap(Restaurant::id)
                .flatMap(known -> {
                    List<FieldError> errors = new ArrayList<>();
                    for (int i = 0; i < readings.size(); i++) {
                        Restaurant r = known.get(readings.get(i).restaurantId());
                        if (r == null || !access.mayWrite(caller, Access.CATERING_AGENCIES, r.placement())) {
                            errors.add(new FieldError(
                                    "[" + i + "].restaurantId",
                                    "no restaurant " + readings.get(i).restaurantId() + " you govern"));
                        }
                    }
                    if (!errors.isEmpty()) {
                        return Mono.error(new InvalidInput(errors));
                    }
                    return restaurants
                            .readings(readings)
                            .concatMap(reading -> {
                                Restaurant r = known.get(reading.restaurantId());
                                SizeClass size = rules.classOf(r.cookingHeads()).orElseThrow();
                                if (!CateringJudge.overLimit(size, reading.fumeMgM3())) {
                                    return Mono.just(false);
                                }
                                Instant hour = reading.at().truncatedTo(ChronoUnit.HOURS);
                                return violation(r, size, CateringJudge.OVER_LIMIT, hour, reading.fumeMgM3());
                            })
                            .filter(Boolean::booleanValue)
                            .count()
                            .map(Long::intValue);
                }));
    }

    Mono<Restaurant> visible(Caller caller, String id) {
        return restaurants
                .byId(id)
                .filter(r -> access.mayRead(caller, r.placement()))
                .switchIfEmpty(Mono.error(new NotFound("No restaurant " + id + ".")));
    }

    private Mono<Boolean> violation(Restaurant r, SizeClass size, String kind, Instant at, Double value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("restaurantId", r.id());
        data.put("kind", kind);
        data.put("sizeClass", size.size());
        data.put("cookingHeads", r.cookingHeads());
        data.put("at", at.toString());
        if (value != null) {
            data.put("value", value);
            data.put("limit", size.maxFumeMgM3());
            data.put("unit", "mg/m3");
        }
        if (kind.equals(CateringJudge.INSUFFICIENT)) {
            data.put("value", r.purifierEfficiency());
            data.put("limit", size.minRemovalPct());
            data.put("unit", "%");
        }
        data.put("rule", Map.of("id", "catering." + size.size(), "source", size.source()));
        data.put("location", DustEvents.location(r.lon(), r.lat()));
        OutgoingEvent event = OutgoingEvent.of(
                        DustEvents.CATERING_VIOLATION, "restaurant/" + r.id(), r.placement(), AGENCY, data)
                .withSeverity("minor")
                .at(at);
        return restaurants
                .violation(r.id() + "/" + kind + "/" + at, r.id(), kind, at)
                .flatMap(isNew -> isNew ? outbox.append(event).thenReturn(true) : Mono.just(false));
    }
}
