package cn.lantian.dust.yard;

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
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Industrial material yards and concrete plants, with the dust controls each has in place. */
@RestController
@RequestMapping("/api/dust/v1/yards")
class YardController {

    static final List<String> KINDS = List.of("material-yard", "concrete-plant");
    static final List<String> CONTROLS =
            List.of("enclosed", "covered", "sprinkling", "hardened", "vehicle-washing", "closed-conveying");

    /** A yard as written; the id may be left out of a replacement, whose path names it. */
    record YardInput(
            @Size(max = TextLength.ID) String id,
            @Size(max = TextLength.CODE) String kind,
            @Size(max = TextLength.NAME) String name,
            Double lon,
            Double lat,
            List<@Size(max = TextLength.NAME) String> controls) {}

    private final Yards yards;
    private final Access access;

    YardController(Yards yards, Access access) {
        this.yards = yards;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Yard>> create(@Valid @RequestBody YardInput in) {
        Yard yard = check(in, null);
        return Callers.current()
                .flatMap(caller -> {
                    access.checkWrite(caller, Access.DUST_AGENCIES, yard.placement());
                    return yards.insert(yard);
                })
                .flatMap(created -> created
                        ? Mono.just(ResponseEntity.status(HttpStatus.CREATED).body(yard))
                        : Mono.error(new Conflict("Yard " + yard.id() + " exists already.")));
    }

    /** Replaces a yard the caller governs; moving it into a unit the caller does not govern is refused. */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Yard> replace(@PathVariable String id, @Valid @RequestBody YardInput in) {
        Yard yard = check(in, id);
        return Callers.current()
                .flatMap(caller -> writable(caller, id).flatMap(old -> {
                    access.checkWrite(caller, Access.DUST_AGENCIES, yard.placement());
                    return yards.update(yard).thenReturn(yard);
                }));
    }

    @GetMapping
    Mono<Page<Yard>> list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String lacking,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        if (kind != null && !KINDS.contains(kind)) {
            throw InvalidInput.of("kind", "must be material-yard or concrete-plant");
        }
        if (lacking != null && !CONTROLS.contains(lacking)) {
            throw InvalidInput.of("lacking", "must be one of " + String.join(", ", CONTROLS));
        }
        if (after != null && Checks.textProblem(after, 64) != null) {
            throw InvalidInput.of("after", "must be at most 64 characters of text");
        }
        return Callers.current()
                .flatMap(c -> yards.page(access.visibleUnits(c), kind, lacking, after, size)
                        .collectList())
                .map(rows -> Page.of(rows, size, Yard::id));
    }

    @GetMapping("/{id}")
    Mono<Yard> one(@PathVariable String id) {
        return Callers.current()
                .flatMap(caller -> yards.byId(id)
                        .filter(y -> access.mayRead(caller, y.placement()))
                        .switchIfEmpty(Mono.error(new NotFound("No yard " + id + "."))));
    }

    /** The yard, if the caller may change it; another unit's yard is answered as one that does not exist. */
    private Mono<Yard> writable(Caller caller, String id) {
        return yards.byId(id)
                .filter(y -> access.mayWrite(caller, Access.DUST_AGENCIES, y.placement()))
                .switchIfEmpty(Mono.error(new NotFound("No yard " + id + ".")));
    }

    private Yard check(YardInput in, String pathId) {
        Checks c = new Checks();
        String id = pathId;
        if (pathId == null) {
            id = c.text("id", in.id(), 64);
        } else if (in.id() != null && !in.id().equals(pathId)) {
            c.fail("id", "must be the id in the path, or left out");
        }
        String kind = c.text("kind", in.kind(), 20);
        if (kind != null && !KINDS.contains(kind)) {
            c.fail("kind", "must be material-yard or concrete-plant");
        }
        String name = c.text("name", in.name(), 200);
        List<String> controls = in.controls() == null ? List.of() : in.controls();
        if (!CONTROLS.containsAll(controls)) {
            c.fail("controls", "may name " + String.join(", ", CONTROLS));
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
        return new Yard(
                id,
                kind,
                name,
                lon,
                lat,
                placement.jurisdiction(),
                placement.corpsUnit(),
                controls.stream().distinct().toList());
    }
}
