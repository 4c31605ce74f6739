package cn.lantian.dust.muck;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.web.Checks;
import cn.lantian.dust.web.Page;
import cn.lantian.reference.Placement;
import cn.lantian.security.Callers;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    private final MuckViolations violations;
    private final Access access;
    private final Clock clock;

    MuckController(MuckViolations violations, Access access, Clock clock) {
        this.violations = violations;
        this.access = access;
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
        return Callers.current()
                .flatMap(caller -> violations.record(caller, v))
                .map(saved -> ResponseEntity.status(HttpStatus.CREATED).body(saved));
    }

    @GetMapping("/api/dust/v1/muck-violations")
    Mono<Page<MuckViolation>> list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        if (kind != null && !KINDS.contains(kind)) {
            throw InvalidInput.of("kind", "must be one of " + String.join(", ", KINDS));
        }
        if (plate != null && !PLATE.matcher(plate).matches()) {
            throw InvalidInput.of("plate", "must be a vehicle plate such as 新Q12345");
        }
        if (after != null && Checks.textProblem(after, 64) != null) {
            throw InvalidInput.of("after", "must be at most 64 characters of text");
        }
        return Callers.current()
                .flatMap(caller -> violations
                        .page(access.visibleUnits(caller), kind, plate, after, size)
                        .collectList())
                .map(rows -> Page.of(rows, size, MuckViolation::id));
    }
}
