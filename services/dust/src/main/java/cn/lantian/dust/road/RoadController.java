package cn.lantian.dust.road;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.web.Checks;
import cn.lantian.dust.web.Page;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
import cn.lantian.web.Conflict;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Roads, their monthly mechanised cleaning, and the share cleaned per county and kind of area against the targets. */
@RestController
class RoadController {

    /** A road as written; {@code areaKind} city-built-up or county-town; the id may be left out of a replacement. */
    record RoadInput(
            @Size(max = TextLength.ID) String id,
            @Size(max = TextLength.NAME) String name,
            BigDecimal lengthKm,
            @Size(max = TextLength.CODE) String areaKind,
            Double lon,
            Double lat) {}

    /** A month's mechanised cleaning of a road. */
    record CleaningInput(@Size(max = TextLength.ID) String month, BigDecimal mechanisedKm) {}

    /** The share of a county's roads of one kind cleaned mechanically in a month. */
    record Share(
            String county,
            String areaKind,
            BigDecimal lengthKm,
            BigDecimal cleanedKm,
            double sharePct,
            double targetPct,
            boolean met,
            String source) {}

    private final Roads roads;
    private final Access access;
    private final CleaningTargets targets = CleaningTargets.load();

    RoadController(Roads roads, Access access) {
        this.roads = roads;
        this.access = access;
    }

    @PostMapping(path = "/api/dust/v1/roads", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Road>> create(@Valid @RequestBody RoadInput in) {
        Road road = check(in, null);
        return Callers.current()
                .flatMap(caller -> {
                    access.checkWrite(caller, Access.DUST_AGENCIES, road.placement());
                    return roads.insert(road);
                })
                .flatMap(created -> created
                        ? Mono.just(ResponseEntity.status(HttpStatus.CREATED).body(road))
                        : Mono.error(new Conflict("Road " + road.id() + " exists already.")));
    }

    /**
     * Replaces a road the caller governs; moving it into a unit the caller does not govern is refused, and so is a
     * length shorter than a month's recorded mechanised cleaning.
     */
    @PutMapping(path = "/api/dust/v1/roads/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Road> replace(@PathVariable String id, @Valid @RequestBody RoadInput in) {
        Road road = check(in, id);
        return Callers.current()
                .flatMap(caller -> writable(caller, id)
                        .flatMap(old -> {
                            access.checkWrite(caller, Access.DUST_AGENCIES, road.placement());
                            return roads.mostCleaned(id);
                        })
                        .flatMap(most -> most.compareTo(road.lengthKm()) > 0
                                ? Mono.error(InvalidInput.of(
                                        "lengthKm", "must be at least the " + most + " km cleaned in a recorded month"))
                                : roads.update(road).thenReturn(road)));
    }

    @GetMapping("/api/dust/v1/roads")
    Mono<Page<Road>> list(
            @RequestParam(required = false) String areaKind,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        if (areaKind != null && !targets.knows(areaKind)) {
            throw InvalidInput.of("areaKind", "must be city-built-up or county-town");
        }
        if (after != null && Checks.textProblem(after, 64) != null) {
            throw InvalidInput.of("after", "must be at most 64 characters of text");
        }
        return Callers.current()
                .flatMap(c -> roads.page(access.visibleUnits(c), areaKind, after, size)
                        .collectList())
                .map(rows -> Page.of(rows, size, Road::id));
    }

    @GetMapping("/api/dust/v1/roads/{id}")
    Mono<Road> one(@PathVariable String id) {
        return Callers.current()
                .flatMap(caller -> roads.byId(id)
                        .filter(r -> access.mayRead(caller, r.placement()))
                        .switchIfEmpty(Mono.error(new NotFound("No road " + id + "."))));
    }

    @PostMapping(path = "/api/dust/v1/roads/{id}/cleaning", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> cleaning(@PathVariable String id, @Valid @RequestBody CleaningInput in) {
        Checks c = new Checks();
        LocalDate month = month(c, in.month());
        BigDecimal km = c.required("mechanisedKm", in.mechanisedKm());
        if (km != null && km.signum() < 0) {
            c.fail("mechanisedKm", "must not be negative");
        }
        c.done();
        return Callers.current()
                .flatMap(caller -> writable(caller, id))
                .flatMap(road -> km.compareTo(road.lengthKm()) > 0
                        ? Mono.error(InvalidInput.of(
                                "mechanisedKm", "must not exceed the road's length " + road.lengthKm() + " km"))
                        : roads.cleaning(id, month, km))
                .thenReturn(Map.of("roadId", id, "month", YearMonth.from(month).toString(), "mechanisedKm", km));
    }

    /** The share cleaned per county and kind of area in a month ({@code 2026-11}), for the counties the caller sees. */
    @GetMapping("/api/dust/v1/road-cleaning")
    Mono<List<Share>> shares(@RequestParam String month) {
        Checks c = new Checks();
        LocalDate first = month(c, month);
        c.done();
        return Callers.current()
                .flatMap(caller -> roads.sums(access.visibleUnits(caller), first)
                        .map(this::share)
                        .collectList());
    }

    private Share share(Roads.Sum sum) {
        double share = sum.cleanedKm()
                .multiply(BigDecimal.valueOf(100))
                .divide(sum.lengthKm(), 1, RoundingMode.HALF_UP)
                .doubleValue();
        CleaningTargets.Target target = targets.of(sum.areaKind());
        return new Share(
                sum.county(),
                target.areaKind(),
                sum.lengthKm(),
                sum.cleanedKm(),
                share,
                target.targetPct(),
                target.met(share),
                target.source());
    }

    /** The road, if the caller may change it; another unit's road is answered as one that does not exist. */
    private Mono<Road> writable(Caller caller, String id) {
        return roads.byId(id)
                .filter(r -> access.mayWrite(caller, Access.DUST_AGENCIES, r.placement()))
                .switchIfEmpty(Mono.error(new NotFound("No road " + id + ".")));
    }

    private Road check(RoadInput in, String pathId) {
        Checks c = new Checks();
        String id = pathId;
        if (pathId == null) {
            id = c.text("id", in.id(), 64);
        } else if (in.id() != null && !in.id().equals(pathId)) {
            c.fail("id", "must be the id in the path, or left out");
        }
        String name = c.text("name", in.name(), 200);
        BigDecimal length = c.required("lengthKm", in.lengthKm());
        if (length != null && (length.signum() <= 0 || length.compareTo(BigDecimal.valueOf(10_000)) > 0)) {
            c.fail("lengthKm", "must be above 0 and at most 10,000 km");
        }
        String kind = c.text("areaKind", in.areaKind(), 20);
        if (kind != null && !targets.knows(kind)) {
            c.fail("areaKind", "must be city-built-up or county-town");
        }
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
        return new Road(id, name, length, kind, lon, lat, placement.jurisdiction(), placement.corpsUnit());
    }

    private static LocalDate month(Checks c, String value) {
        String text = c.text("month", value, 7);
        if (text == null) {
            return null;
        }
        try {
            return YearMonth.parse(text).atDay(1);
        } catch (DateTimeParseException e) {
            c.fail("month", "must be a month such as 2026-11");
            return null;
        }
    }
}
