package cn.lantian.stationary.monitoring;

import cn.lantian.security.Callers;
import cn.lantian.stationary.access.PermitAccess;
import cn.lantian.stationary.registry.Registry;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/** Batch upload of hourly CEMS values (JSON lines or CSV) and reading them back. */
@RestController
@RequestMapping("/api/stationary/v1/cems")
class CemsController {

    private final CemsIngest ingest;
    private final ReadingParser parser;
    private final CemsHours hours;
    private final Registry registry;
    private final PermitAccess access;

    CemsController(CemsIngest ingest, ObjectMapper json, CemsHours hours, Registry registry, PermitAccess access) {
        this.ingest = ingest;
        this.parser = new ReadingParser(json, ingest.tables());
        this.hours = hours;
        this.registry = registry;
        this.access = access;
    }

    /** The most bad lines a refusal names. */
    private static final int MAX_REPORTED = 50;

    /** Takes a batch; content type text/csv for CSV (header outletId,pollutant,hour,value,o2,flow,flag), else JSON lines. */
    @PostMapping(
            value = "/readings",
            consumes = {"application/x-ndjson", "application/jsonl", "text/csv", "text/plain"})
    Mono<IngestReport> upload(@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestBody String body) {
        ReadingParser.Parsed parsed = contentType.startsWith("text/csv") ? parser.csv(body) : parser.jsonLines(body);
        if (parsed.readings().isEmpty()) {
            // Nothing to take: a refusal, not a report of zero accepted lines.
            List<FieldError> errors = parsed.rejections().stream()
                    .limit(MAX_REPORTED)
                    .map(r -> new FieldError("line " + r.line() + ": " + r.field(), r.message()))
                    .toList();
            return Mono.error(
                    new InvalidInput(errors.isEmpty() ? List.of(new FieldError("body", "has no reading")) : errors));
        }
        return Callers.current().flatMap(c -> ingest.ingest(c, parsed));
    }

    @GetMapping("/outlets/{outletId}")
    Flux<CemsHours.Hour> hours(
            @PathVariable String outletId,
            @RequestParam(required = false) String pollutant,
            @RequestParam OffsetDateTime from,
            @RequestParam OffsetDateTime to) {
        if (!to.isAfter(from) || to.toInstant().isAfter(from.toInstant().plusSeconds(92L * 86400))) {
            return Flux.error(InvalidInput.of("to", "must be after from and at most 92 days later"));
        }
        return Callers.current()
                .flatMap(c -> registry.facility(outletId)
                        .filter(f -> f.kind().equals("outlet") && access.mayRead(c, f.placement()))
                        .switchIfEmpty(Mono.error(new NotFound("No outlet " + outletId + "."))))
                .flatMapMany(f -> hours.of(outletId, pollutant, from, to));
    }
}
