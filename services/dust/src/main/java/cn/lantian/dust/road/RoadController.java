package cn.lantian.dust.road;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.db.Binds;
import cn.lantian.dust.web.Checks;
import cn.lantian.reference.Placement;
import cn.lantian.security.Callers;
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
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Roads, their monthly mechanised cleaning, and the share cleaned per county and kind of area against the targets. */
@RestController
class RoadController {

    /** A road as written; {@code areaKind} city-built-up or county-town. */
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

    private final DatabaseClient db;
    private final Access access;
    private final CleaningTargets targets = CleaningTargets.load();

    RoadController(DatabaseClient db, Access access) {
        this.db = db;
        this.access = access;
    }

    @PostMapping(path = "/api/dust/v1/roads", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> create(@Valid @RequestBody RoadInput in) {
        Checks c = new Checks();
        String id = c.text("id", in.id(), 64);
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
        Placement place = placement;
        return Callers.current()
                .flatMap(caller -> {
                    access.checkWrite(caller, Access.DUST_AGENCIES, place);
                    return Binds.bind(
                                    db.sql("""
                    insert into road (id, name, length_km, area_kind, lon, lat, jurisdiction, corps_unit)
                    values (:id, :name, :length, :kind, :lon, :lat, :jurisdiction, :corps)""")
                                            .bind("id", id)
                                            .bind("name", name)
                                            .bind("length", length)
                                            .bind("kind", kind)
                                            .bind("lon", lon)
                                            .bind("lat", lat)
                                            .bind("jurisdiction", place.jurisdiction()),
                                    "corps",
                                    place.corpsUnit(),
                                    String.class)
                            .fetch()
                            .rowsUpdated();
                })
                .thenReturn(ResponseEntity.status(HttpStatus.CREATED)
                        .body(Map.of("id", id, "jurisdiction", place.jurisdiction())));
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
                .flatMap(caller -> db.sql("select length_km, jurisdiction, corps_unit from road where id = :id")
                        .bind("id", id)
                        .map(r -> Map.entry(
                                r.get("length_km", BigDecimal.class),
                                new Placement(r.get("jurisdiction", String.class), r.get("corps_unit", String.class))))
                        .one()
                        .filter(road -> access.mayWrite(caller, Access.DUST_AGENCIES, road.getValue()))
                        .switchIfEmpty(Mono.error(new NotFound("No road " + id + ".")))
                        .flatMap(road -> {
                            if (km.compareTo(road.getKey()) > 0) {
                                return Mono.error(InvalidInput.of(
                                        "mechanisedKm", "must not exceed the road's length " + road.getKey() + " km"));
                            }
                            return db.sql("""
                                    insert into road_cleaning (road_id, month, mechanised_km) values (:id, :month, :km)
                                    on conflict (road_id, month) do update set mechanised_km = excluded.mechanised_km""")
                                    .bind("id", id)
                                    .bind("month", month)
                                    .bind("km", km)
                                    .fetch()
                                    .rowsUpdated();
                        }))
                .thenReturn(Map.of("roadId", id, "month", YearMonth.from(month).toString(), "mechanisedKm", km));
    }

    /** The share cleaned per county and kind of area in a month ({@code 2026-11}), for the counties the caller sees. */
    @GetMapping("/api/dust/v1/road-cleaning")
    Mono<List<Share>> shares(@RequestParam String month) {
        Checks c = new Checks();
        LocalDate first = month(c, month);
        c.done();
        return Callers.current().flatMap(caller -> {
            List<String> units = access.visibleUnits(caller);
            var spec = db.sql("""
                    select r.jurisdiction, r.area_kind, sum(r.length_km) as length_km,
                      coalesce(sum(c.mechanised_km), 0) as cleaned_km
                    from road r left join road_cleaning c on c.road_id = r.id and c.month = :month
                    where true"""
                            + (units == null ? "" : " and (r.jurisdiction = any(:units) or r.corps_unit = any(:units))")
                            + " group by r.jurisdiction, r.area_kind order by r.jurisdiction, r.area_kind")
                    .bind("month", first);
            if (units != null) {
                spec = spec.bind("units", units.toArray(String[]::new));
            }
            return spec.map(r -> {
                        BigDecimal length = r.get("length_km", BigDecimal.class);
                        BigDecimal cleaned = r.get("cleaned_km", BigDecimal.class);
                        double share = cleaned.multiply(BigDecimal.valueOf(100))
                                .divide(length, 1, RoundingMode.HALF_UP)
                                .doubleValue();
                        CleaningTargets.Target target = targets.of(r.get("area_kind", String.class));
                        return new Share(
                                r.get("jurisdiction", String.class),
                                target.areaKind(),
                                length,
                                cleaned,
                                share,
                                target.targetPct(),
                                target.met(share),
                                target.source());
                    })
                    .all()
                    .collectList();
        });
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
