package cn.lantian.dust.monitor;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.site.SiteService;
import cn.lantian.dust.site.Sites;
import cn.lantian.dust.web.Checks;
import cn.lantian.security.Callers;
import cn.lantian.web.Conflict;
import cn.lantian.web.NotFound;
import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Monitor registration on a site, and readings by HTTP batch. */
@RestController
class MonitorController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** A monitor as registered. */
    record MonitorInput(
            @Size(max = TextLength.ID) String id,
            @Size(max = TextLength.ID) String installedOn) {}

    private final Sites sites;
    private final SiteService siteService;
    private final Monitors monitors;
    private final MonitorIngest ingest;
    private final Access access;
    private final TransactionalOperator tx;
    private final Clock clock;

    MonitorController(
            Sites sites,
            SiteService siteService,
            Monitors monitors,
            MonitorIngest ingest,
            Access access,
            TransactionalOperator tx,
            Clock clock) {
        this.sites = sites;
        this.siteService = siteService;
        this.monitors = monitors;
        this.ingest = ingest;
        this.access = access;
        this.tx = tx;
        this.clock = clock;
    }

    /** Registers a monitor on a site the caller governs; the monitor rule then clears the site's missing mark. */
    @PostMapping(path = "/api/dust/v1/sites/{siteId}/monitors", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Monitors.Monitor>> register(@PathVariable String siteId, @Valid @RequestBody MonitorInput in) {
        Checks c = new Checks();
        String id = c.text("id", in.id(), 64);
        if (id != null && !ID.matcher(id).matches()) {
            c.fail("id", "must be 1 to 64 letters, digits, dots, dashes or underscores");
        }
        LocalDate installed = LocalDate.now(clock);
        if (in.installedOn() != null) {
            try {
                installed = LocalDate.parse(in.installedOn());
            } catch (DateTimeParseException e) {
                c.fail("installedOn", "must be a date such as 2026-12-01");
            }
        }
        c.done();
        LocalDate on = installed;
        return Callers.current()
                .flatMap(caller -> tx.transactional(sites.byId(siteId)
                        .filter(s -> access.mayWrite(caller, Access.DUST_AGENCIES, s.placement()))
                        .switchIfEmpty(Mono.error(new NotFound("No site " + siteId + ".")))
                        .flatMap(site -> monitors.register(id, siteId, on)
                                .flatMap(created -> created
                                        ? sites.byId(siteId).flatMap(siteService::judgeMonitor)
                                        : Mono.error(new Conflict("Monitor " + id + " exists already."))))))
                .thenReturn(ResponseEntity.status(HttpStatus.CREATED)
                        .body(new Monitors.Monitor(id, siteId, on, null, null)));
    }

    @GetMapping("/api/dust/v1/sites/{siteId}/monitors")
    Mono<List<Monitors.Monitor>> ofSite(@PathVariable String siteId) {
        return Callers.current()
                .flatMap(caller -> sites.byId(siteId).filter(s -> access.mayRead(caller, s.placement())))
                .switchIfEmpty(Mono.error(new NotFound("No site " + siteId + ".")))
                .flatMap(s -> monitors.ofSite(siteId).collectList());
    }

    /** A batch of readings (a JSON array), taken whole or refused whole naming each bad reading. */
    @PostMapping(path = "/api/dust/v1/readings", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<IngestReport> readings(@RequestBody List<ReadingInput> batch) {
        List<Reading> readings = ReadingChecks.check(batch, clock);
        return Callers.current().flatMap(caller -> ingest.ingest(caller, readings));
    }
}
