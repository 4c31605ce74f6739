package cn.lantian.dust.muck;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.db.Binds;
import cn.lantian.dust.events.DustEvents;
import cn.lantian.dust.web.Checks;
import cn.lantian.dust.web.Page;
import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.Placement;
import cn.lantian.security.Callers;
import cn.lantian.web.Conflict;
import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Records muck-truck violations with their evidence and publishes {@code muck-truck-violation}. */
@RestController
class MuckController {

    static final List<String> KINDS = List.of("uncovered", "unwashed", "overloaded", "speeding", "spilling");
    private static final Pattern PLATE = Pattern.compile("[\\p{IsHan}A-Z0-9]{6,10}");

    /** A violation as written. */
    record MuckInput(
            @Size(max = TextLength.ID) String plate,
            List<@Size(max = TextLength.CODE) String> kinds,
            @Size(max = TextLength.ID) String at,
            Double lon,
            Double lat,
            @Size(max = TextLength.ID) String siteId,
            List<@Size(max = TextLength.TEXT) String> photos) {}

    /** A stored violation. */
    record MuckViolation(
            String id,
            String plate,
            List<String> kinds,
            Instant at,
            String siteId,
            double lon,
            double lat,
            String jurisdiction,
            String corpsUnit,
            List<String> photos) {}

    private final DatabaseClient db;
    private final Access access;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    MuckController(DatabaseClient db, Access access, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.access = access;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    @PostMapping(path = "/api/dust/v1/muck-violations", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<MuckViolation>> record(@Valid @RequestBody MuckInput in) {
        Checks c = new Checks();
        String plate = c.text("plate", in.plate(), 10);
        if (plate != null && !PLATE.matcher(plate).matches()) {
            c.fail("plate", "must be a vehicle plate such as 新Q12345");
        }
        List<String> kinds = in.kinds() == null ? List.of() : in.kinds();
        if (kinds.isEmpty()
                || !KINDS.containsAll(kinds)
                || kinds.stream().distinct().count() != kinds.size()) {
            c.fail("kinds", "must name one or more of " + String.join(", ", KINDS) + ", each once");
        }
        Instant at = null;
        String when = c.text("at", in.at(), 40);
        if (when != null) {
            try {
                at = OffsetDateTime.parse(when).toInstant();
                if (at.isAfter(clock.instant().plusSeconds(300))) {
                    c.fail("at", "must not be in the future");
                }
            } catch (DateTimeParseException e) {
                c.fail("at", "must be a date and time with offset");
            }
        }
        String siteId = c.optionalText("siteId", in.siteId(), 64);
        List<String> photos = in.photos() == null ? List.of() : in.photos();
        if (photos.isEmpty() || photos.size() > 20) {
            c.fail("photos", "one to 20 photo references are required as evidence");
        }
        for (int i = 0; i < photos.size(); i++) {
            c.text("photos[" + i + "]", photos.get(i), 300);
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
        MuckViolation v = new MuckViolation(
                "muck-" + UUID.randomUUID(),
                plate,
                List.copyOf(kinds),
                at,
                siteId,
                lon,
                lat,
                placement.jurisdiction(),
                placement.corpsUnit(),
                List.copyOf(photos));
        Placement place = placement;
        return Callers.current()
                .flatMap(caller -> {
                    access.checkWrite(caller, Access.DUST_AGENCIES, place);
                    return tx.transactional(insert(v, caller.username()).then(outbox.append(event(v, place))));
                })
                .thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(v));
    }

    @GetMapping("/api/dust/v1/muck-violations")
    Mono<Page<MuckViolation>> list(
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        if (after != null && Checks.textProblem(after, 64) != null) {
            throw cn.lantian.web.InvalidInput.of("after", "must be at most 64 characters of text");
        }
        return Callers.current()
                .flatMap(caller -> {
                    List<String> units = access.visibleUnits(caller);
                    var spec = db.sql("select * from muck_violation where true"
                                    + (units == null
                                            ? ""
                                            : " and (jurisdiction = any(:units) or corps_unit = any(:units))")
                                    + (after == null ? "" : " and id > :after") + " order by id limit :limit")
                            .bind("limit", size + 1);
                    if (units != null) {
                        spec = spec.bind("units", units.toArray(String[]::new));
                    }
                    if (after != null) {
                        spec = spec.bind("after", after);
                    }
                    return spec.map(r -> new MuckViolation(
                                    r.get("id", String.class),
                                    r.get("plate", String.class),
                                    Arrays.asList(r.get("kinds", String[].class)),
                                    Binds.instant(r, "at"),
                                    r.get("site_id", String.class),
                                    r.get("lon", Double.class),
                                    r.get("lat", Double.class),
                                    r.get("jurisdiction", String.class),
                                    r.get("corps_unit", String.class),
                                    Arrays.asList(r.get("photos", String[].class))))
                            .all()
                            .collectList();
                })
                .map(rows -> Page.of(rows, size, MuckViolation::id));
    }

    private Mono<Void> insert(MuckViolation v, String by) {
        var spec = db.sql("""
                insert into muck_violation (id, plate, kinds, at, site_id, lon, lat, jurisdiction, corps_unit,
                  recorded_by, photos)
                values (:id, :plate, :kinds, :at, :site, :lon, :lat, :jurisdiction, :corps, :by, :photos)""")
                .bind("id", v.id())
                .bind("plate", v.plate())
                .bind("kinds", v.kinds().toArray(String[]::new))
                .bind("at", v.at().atOffset(ZoneOffset.UTC))
                .bind("lon", v.lon())
                .bind("lat", v.lat())
                .bind("jurisdiction", v.jurisdiction())
                .bind("by", by)
                .bind("photos", v.photos().toArray(String[]::new));
        spec = Binds.bind(spec, "site", v.siteId(), String.class);
        spec = Binds.bind(spec, "corps", v.corpsUnit(), String.class);
        return spec.fetch()
                .rowsUpdated()
                .flatMap(n -> n == 1 ? Mono.<Void>empty() : Mono.error(new Conflict("The violation exists already.")));
    }

    private static OutgoingEvent event(MuckViolation v, Placement placement) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("violationId", v.id());
        data.put("plate", v.plate());
        data.put("kinds", v.kinds());
        data.put("at", v.at().toString());
        if (v.siteId() != null) {
            data.put("siteId", v.siteId());
        }
        data.put("photos", v.photos());
        data.put("location", DustEvents.location(v.lon(), v.lat()));
        return OutgoingEvent.of(
                        DustEvents.MUCK_TRUCK_VIOLATION, "muck-truck/" + v.plate(), placement, "urban-management", data)
                .withSeverity("minor")
                .at(v.at());
    }
}
