package cn.lantian.straw.firepoint;

import cn.lantian.security.Callers;
import cn.lantian.straw.access.StrawAccess;
import cn.lantian.straw.web.Page;
import cn.lantian.straw.web.Params;
import cn.lantian.web.NotFound;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Satellite fire points in (FIRMS CSV) and the incidents they make, filtered by the caller's jurisdiction. */
@RestController
@RequestMapping("/api/straw/v1")
class FirePointController {

    static final List<String> STATUSES = List.of("open", "handled");
    static final List<String> VERDICTS = List.of("burning-confirmed", "false-alarm", "industrial-source");

    private final FirePointImport imports;
    private final Incidents incidents;
    private final StrawAccess access;

    FirePointController(FirePointImport imports, Incidents incidents, StrawAccess access) {
        this.imports = imports;
        this.incidents = incidents;
        this.access = access;
    }

    @PostMapping(value = "/fire-points", consumes = "text/csv")
    Mono<ImportReport> importFirePoints(@RequestBody String csv) {
        return Callers.current().flatMap(c -> {
            access.checkWriter(c);
            return imports.importCsv(c, csv);
        });
    }

    @GetMapping("/incidents")
    Mono<Page<Incident>> list(
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit) {
        int size = Params.limit(limit, 100, 500);
        String unit = Params.unit("jurisdiction", jurisdiction);
        String s = Params.oneOf("status", status, STATUSES);
        String v = Params.oneOf("verdict", verdict, VERDICTS);
        var f = Params.instant("from", from);
        var t = Params.instant("to", to);
        String cursor = Params.cursor(after);
        return Callers.current()
                .flatMap(c -> incidents
                        .page(access.visibleUnits(c), unit, s, v, f, t, cursor, size + 1)
                        .collectList()
                        .map(list -> Page.of(list, size, Incident::id)));
    }

    @GetMapping("/incidents/{id}")
    Mono<Map<String, Object>> one(@PathVariable String id) {
        return Callers.current()
                .flatMap(c -> incidents
                        .find(id)
                        .filter(i -> access.mayRead(c, i.placement()))
                        .switchIfEmpty(Mono.error(() -> new NotFound("Incident " + id + " was not found.")))
                        .flatMap(i -> incidents
                                .detectionsOf(id)
                                .collectList()
                                .map(ds -> Map.<String, Object>of("incident", i, "detections", ds))));
    }
}
