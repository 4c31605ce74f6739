package cn.lantian.mobile.inspection;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.web.Page;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
import cn.lantian.web.Conflict;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/** Inspection stations, their uploaded tests, the fraud findings and the officers' decisions on them. */
@RestController
@RequestMapping("/api/mobile/v1")
class InspectionController {

    private static final int MAX_LIMIT = 500;
    /** Filters beyond this year are typing errors, and PostgreSQL's time range ends not far beyond. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final InspectionStations stations;
    private final InspectionTests tests;
    private final Findings findings;
    private final TestIngest ingest;
    private final TestRows rows;
    private final FraudRules rules;
    private final StationAudit audit;
    private final Jurisdiction access;
    private final Clock clock;

    InspectionController(
            InspectionStations stations,
            InspectionTests tests,
            Findings findings,
            TestIngest ingest,
            FraudRules rules,
            StationAudit audit,
            Jurisdiction access,
            ObjectMapper json,
            Clock clock) {
        this.stations = stations;
        this.tests = tests;
        this.findings = findings;
        this.ingest = ingest;
        this.rows = new TestRows(json);
        this.rules = rules;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    @PutMapping("/inspection-stations/{id}")
    Mono<InspectionStation> register(@PathVariable String id, @Valid @RequestBody StationInput in) {
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            return Mono.error(InvalidInput.of("id", "must be lower-case letters, digits and hyphens, at most 64"));
        }
        return Callers.current().flatMap(c -> {
            Placement placement = access.require("unit", in.unit());
            access.checkWrite(c, placement);
            return stations.byId(id)
                    .filter(existing -> !access.mayWrite(c, existing.placement()))
                    .flatMap(
                            foreign -> Mono.<InspectionStation>error(new NotFound("No inspection station " + id + ".")))
                    .switchIfEmpty(Mono.defer(() -> stations.save(new InspectionStation(
                            id,
                            in.name().trim(),
                            in.licence().trim(),
                            in.unit(),
                            in.lanes(),
                            clock.instant(),
                            c.username(),
                            placement))));
        });
    }

    @GetMapping("/inspection-stations")
    Mono<Page<InspectionStation>> stations(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        return checked(limit)
                .then(Callers.current())
                .flatMap(c -> stations.page(access.visibleUnits(c), unit, after, limit + 1)
                        .collectList()
                        .map(list -> Page.of(list, limit, InspectionStation::id)));
    }

    @GetMapping("/inspection-stations/{id}")
    Mono<InspectionStation> station(@PathVariable String id) {
        return Callers.current().flatMap(c -> visibleStation(c, id));
    }

    /** The fraud signals over the station's tests in a period (at most 366 days), evaluated now and stored nothing. */
    @GetMapping("/inspection-stations/{id}/signals")
    Mono<StationAudit.Audit> signals(@PathVariable String id, @RequestParam String from, @RequestParam String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start) || java.time.Duration.between(start, end).compareTo(StationAudit.LONGEST) > 0) {
            return Mono.error(InvalidInput.of("to", "must lie after from, at most 366 days"));
        }
        return Callers.current()
                .flatMap(c -> visibleStation(c, id))
                .flatMap(s -> audit.audit(s.id(), start, end, rules.of("pass-rate-outlier")));
    }

    /** A batch of tests, a JSON array or CSV; each row is checked alone and reported. */
    @PostMapping(
            value = "/inspection-tests",
            consumes = {"application/json", "text/csv"})
    Mono<TestReport> upload(@RequestHeader("Content-Type") String contentType, @RequestBody String body) {
        TestRows.Parsed parsed = contentType.startsWith("text/csv") ? rows.csv(body) : rows.json(body);
        if (parsed.tests().isEmpty() && parsed.rejected().isEmpty()) {
            return Mono.error(InvalidInput.of("body", "holds no test"));
        }
        return Callers.current().flatMap(c -> ingest.ingest(c, parsed, false));
    }

    @GetMapping("/inspection-tests")
    Mono<Page<InspectionTest>> tests(
            @RequestParam(required = false) String station,
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) String result,
            @RequestParam(required = false) String method,
            @RequestParam(required = false) Boolean counts,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (result != null && !List.of("pass", "fail").contains(result)) {
            return Mono.error(InvalidInput.of("result", "must be pass or fail"));
        }
        if (method != null && !TestRows.METHOD_FUELS.containsKey(method)) {
            return Mono.error(
                    InvalidInput.of("method", "must be one of free-acceleration, lug-down, two-speed-idle, asm, vmas"));
        }
        Map<String, Object> filters = new HashMap<>();
        filters.put("station", station);
        filters.put("plate", plate);
        filters.put("result", result);
        filters.put("method", method);
        filters.put("counts", counts);
        filters.put("from", instant("from", from));
        filters.put("to", instant("to", to));
        return checked(limit)
                .then(Callers.current())
                .flatMap(c -> tests.page(access.visibleUnits(c), filters, after, limit + 1)
                        .collectList()
                        .map(list -> Page.of(list, limit, InspectionTest::id)));
    }

    @GetMapping("/fraud-findings")
    Mono<Page<FraudFinding>> findings(
            @RequestParam(required = false) String station,
            @RequestParam(required = false) String signal,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (signal != null && !FraudRules.SIGNALS.contains(signal)) {
            return Mono.error(InvalidInput.of("signal", "must be one of " + String.join(", ", FraudRules.SIGNALS)));
        }
        if (status != null && !List.of("suspected", "confirmed", "dismissed").contains(status)) {
            return Mono.error(InvalidInput.of("status", "must be suspected, confirmed or dismissed"));
        }
        return checked(limit)
                .then(Callers.current())
                .flatMap(c -> findings.page(access.visibleUnits(c), station, signal, status, after, limit + 1)
                        .collectList()
                        .map(list -> Page.of(list, limit, FraudFinding::id)));
    }

    @GetMapping("/fraud-findings/{*id}")
    Mono<FraudFinding> finding(@PathVariable String id) {
        return Callers.current().flatMap(c -> visibleFinding(c, strip(id)));
    }

    /** Confirms or dismisses a suspected finding; only a confirmed one is disclosed to the public. */
    @PostMapping("/fraud-decisions/{*id}")
    Mono<FraudFinding> decide(@PathVariable String id, @Valid @RequestBody Decision decision) {
        String findingId = strip(id);
        return Callers.current()
                .flatMap(c -> visibleFinding(c, findingId)
                        .flatMap(f -> stations.byId(f.stationId()).flatMap(s -> {
                            access.checkWrite(c, s.placement());
                            return findings.decide(
                                            findingId,
                                            decision.status(),
                                            decision.note().trim(),
                                            c.username(),
                                            clock.instant())
                                    .flatMap(changed -> changed
                                            ? findings.byId(findingId)
                                            : Mono.error(new Conflict("finding " + findingId + " is " + f.status())));
                        })));
    }

    /** The fraud signals' rule table, with the thresholds in force. */
    @GetMapping("/fraud-rules")
    List<FraudRule> rules() {
        return rules.all();
    }

    private Mono<InspectionStation> visibleStation(Caller c, String id) {
        return stations.byId(id)
                .filter(s -> access.mayRead(c, s.placement()))
                .switchIfEmpty(Mono.error(new NotFound("No inspection station " + id + ".")));
    }

    private Mono<FraudFinding> visibleFinding(Caller c, String id) {
        return findings.byId(id)
                .filterWhen(f -> stations.byId(f.stationId()).map(s -> access.mayRead(c, s.placement())))
                .switchIfEmpty(Mono.error(new NotFound("No fraud finding " + id + ".")));
    }

    private static String strip(String id) {
        return id.startsWith("/") ? id.substring(1) : id;
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "must be an ISO date-time with offset");
        }
        if (at.isBefore(TestRows.EARLIEST) || at.isAfter(LATEST)) {
            throw InvalidInput.of(field, "must lie between " + TestRows.EARLIEST + " and " + LATEST);
        }
        return at;
    }

    private static Mono<Void> checked(int limit) {
        return limit < 1 || limit > MAX_LIMIT
                ? Mono.error(InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT))
                : Mono.empty();
    }
}
