package cn.lantian.dust.site;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.web.Page;
import cn.lantian.security.Callers;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import jakarta.validation.Valid;
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

/** Construction sites and their six 100 % inspections. */
@RestController
@RequestMapping("/api/dust/v1/sites")
class SiteController {

    private final SiteService service;
    private final SiteImport imports;
    private final InspectionService inspections;
    private final Sites sites;
    private final Access access;

    SiteController(SiteService service, SiteImport imports, InspectionService inspections, Sites sites, Access access) {
        this.service = service;
        this.imports = imports;
        this.inspections = inspections;
        this.sites = sites;
        this.access = access;
    }

    /** Sites the caller sees, filtered by county, status, phase and whether the monitor rule found them lacking. */
    @GetMapping
    Mono<Page<Site>> list(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String phase,
            @RequestParam(required = false) Boolean monitorMissing,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        if (status != null && !SiteService.STATUSES.contains(status)) {
            throw InvalidInput.of("status", "must be one of " + String.join(", ", SiteService.STATUSES));
        }
        if (phase != null && !SiteService.PHASES.contains(phase)) {
            throw InvalidInput.of("phase", "must be one of " + String.join(", ", SiteService.PHASES));
        }
        checkCursor("county", county);
        checkCursor("after", after);
        return Callers.current()
                .flatMap(c -> sites.page(new Sites.Filter(
                                access.visibleUnits(c), county, status, phase, monitorMissing, after, size))
                        .collectList())
                .map(rows -> Page.of(rows, size, Site::id));
    }

    @GetMapping("/{id}")
    Mono<Site> one(@PathVariable String id) {
        return Callers.current()
                .flatMap(c -> sites.byId(id).filter(s -> access.mayRead(c, s.placement())))
                .switchIfEmpty(Mono.error(new NotFound("No site " + id + ".")));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Site>> create(@Valid @RequestBody SiteInput in) {
        Site site = service.check(in, null);
        return Callers.current()
                .flatMap(c -> service.save(c, site, false))
                .map(saved -> ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(saved.site()));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Site> replace(@PathVariable String id, @Valid @RequestBody SiteInput in) {
        Site site = service.check(in, id);
        return Callers.current().flatMap(c -> service.save(c, site, true)).map(SiteService.Saved::site);
    }

    /** Imports sites from CSV (columns as {@link SiteImport#COLUMNS}); answers a report per row. */
    @PostMapping(path = "/import", consumes = "text/csv")
    Mono<ImportReport> importCsv(@RequestBody String csv) {
        return Callers.current().flatMap(c -> imports.run(c, csv));
    }

    @PostMapping(path = "/{id}/inspections", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Inspection>> inspect(@PathVariable String id, @Valid @RequestBody InspectionInput in) {
        return Callers.current()
                .flatMap(c -> inspections.record(c, id, in))
                .map(i -> ResponseEntity.status(HttpStatus.CREATED).body(i));
    }

    @GetMapping("/{id}/inspections")
    Mono<List<Inspection>> inspections(@PathVariable String id, @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        return Callers.current().flatMap(c -> inspections.ofSite(c, id, size).collectList());
    }

    static void checkCursor(String field, String value) {
        if (value != null && (value.length() > 64 || cn.lantian.dust.web.Checks.textProblem(value, 64) != null)) {
            throw InvalidInput.of(field, "must be at most 64 characters of text");
        }
    }
}
