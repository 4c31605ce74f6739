package cn.lantian.dust.yard;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.db.Binds;
import cn.lantian.dust.web.Checks;
import cn.lantian.reference.Placement;
import cn.lantian.security.Callers;
import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Industrial material yards and concrete plants, with the dust controls each has in place. */
@RestController
class YardController {

    static final List<String> KINDS = List.of("material-yard", "concrete-plant");
    static final List<String> CONTROLS =
            List.of("enclosed", "covered", "sprinkling", "hardened", "vehicle-washing", "closed-conveying");

    /** A yard as written and listed. */
    record Yard(
            @Size(max = TextLength.ID) String id,
            @Size(max = TextLength.CODE) String kind,
            @Size(max = TextLength.NAME) String name,
            Double lon,
            Double lat,
            @Size(max = TextLength.ID) String jurisdiction,
            @Size(max = TextLength.ID) String corpsUnit,
            List<@Size(max = TextLength.NAME) String> controls) {}

    private final DatabaseClient db;
    private final Access access;

    YardController(DatabaseClient db, Access access) {
        this.db = db;
        this.access = access;
    }

    @PostMapping(path = "/api/dust/v1/yards", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Yard>> create(@Valid @RequestBody Yard in) {
        Checks c = new Checks();
        String id = c.text("id", in.id(), 64);
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
        Yard yard = new Yard(
                id,
                kind,
                name,
                lon,
                lat,
                placement.jurisdiction(),
                placement.corpsUnit(),
                controls.stream().distinct().toList());
        Placement place = placement;
        return Callers.current()
                .flatMap(caller -> {
                    access.checkWrite(caller, Access.DUST_AGENCIES, place);
                    return Binds.bind(
                                    db.sql("""
                    insert into yard (id, kind, name, lon, lat, jurisdiction, corps_unit, controls)
                    values (:id, :kind, :name, :lon, :lat, :jurisdiction, :corps, :controls)""")
                                            .bind("id", id)
                                            .bind("kind", kind)
                                            .bind("name", name)
                                            .bind("lon", lon)
                                            .bind("lat", lat)
                                            .bind("jurisdiction", place.jurisdiction())
                                            .bind("controls", yard.controls().toArray(String[]::new)),
                                    "corps",
                                    place.corpsUnit(),
                                    String.class)
                            .fetch()
                            .rowsUpdated();
                })
                .thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(yard));
    }

    @GetMapping("/api/dust/v1/yards")
    Mono<List<Yard>> list() {
        return Callers.current().flatMap(caller -> {
            List<String> units = access.visibleUnits(caller);
            var spec = db.sql("select * from yard"
                    + (units == null ? "" : " where jurisdiction = any(:units) or corps_unit = any(:units)")
                    + " order by id limit 1000");
            if (units != null) {
                spec = spec.bind("units", units.toArray(String[]::new));
            }
            return spec.map(r -> new Yard(
                            r.get("id", String.class),
                            r.get("kind", String.class),
                            r.get("name", String.class),
                            r.get("lon", Double.class),
                            r.get("lat", Double.class),
                            r.get("jurisdiction", String.class),
                            r.get("corps_unit", String.class),
                            Arrays.asList(r.get("controls", String[].class))))
                    .all()
                    .collectList();
        });
    }
}
