package cn.lantian.stationary.monitoring;

import cn.lantian.security.Callers;
import cn.lantian.stationary.access.PermitAccess;
import cn.lantian.stationary.registry.Registry;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
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

    /** One stored hour as read back. */
    record Hour(String outletId, String pollutant, Instant hour, double measured, Double o2, Double flow, String flag,
            Double valueRef, Double limit, boolean exceeds) {
    }

    private final CemsIngest ingest;
    private final ReadingParser parser;
    private final DatabaseClient db;
    private final Registry registry;
    private final PermitAccess access;

    CemsController(CemsIngest ingest, ObjectMapper json, DatabaseClient db, Registry registry, PermitAccess access) {
        this.ingest = ingest;
        this.parser = new ReadingParser(json, ingest.tables());
        this.db = db;
        this.registry = registry;
        this.access = access;
    }

    /** The most bad lines a refusal names. */
    private static final int MAX_REPORTED = 50;

    /** Takes a batch; content type text/csv for CSV (header outletId,pollutant,hour,value,o2,flow,flag), else JSON lines. */
    @PostMapping(value = "/readings", consumes = {"application/x-ndjson", "application/jsonl", "text/csv", "text/plain"})
    Mono<IngestReport> upload(@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestBody String body) {
        ReadingParser.Parsed parsed = contentType.startsWith("text/csv") ? parser.csv(body) : parser.jsonLines(body);
        if (parsed.readings().isEmpty()) {
            // Nothing to take: a refusal, not a report of zero accepted lines.
            List<FieldError> errors = parsed.rejections().stream().limit(MAX_REPORTED)
                    .map(r -> new FieldError("line " + r.line() + ": " + r.field(), r.message())).toList();
            return Mono.error(new InvalidInput(errors.isEmpty() ? List.of(new FieldError("body", "has no reading")) : errors));
        }
        return Callers.current().flatMap(c -> ingest.ingest(c, parsed));
    }

    @GetMapping("/outlets/{outletId}")
    Flux<Hour> hours(@PathVariable String outletId, @RequestParam(required = false) String pollutant,
            @RequestParam OffsetDateTime from, @RequestParam OffsetDateTime to) {
        if (!to.isAfter(from) || to.toInstant().isAfter(from.toInstant().plusSeconds(92L * 86400))) {
            return Flux.error(InvalidInput.of("to", "must be after from and at most 92 days later"));
        }
        return Callers.current().flatMap(c -> registry.facility(outletId)
                        .filter(f -> f.kind().equals("outlet") && access.mayRead(c, f.placement()))
                        .switchIfEmpty(Mono.error(new NotFound("No outlet " + outletId + "."))))
                .flatMapMany(f -> {
                    String sql = "select * from cems_hourly where outlet_id = :o and hour >= :from and hour < :to"
                            + (pollutant == null ? "" : " and pollutant = :p") + " order by hour, pollutant";
                    DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("o", outletId)
                            .bind("from", from.withOffsetSameInstant(ZoneOffset.UTC))
                            .bind("to", to.withOffsetSameInstant(ZoneOffset.UTC));
                    if (pollutant != null) {
                        spec = spec.bind("p", pollutant);
                    }
                    return spec.map(r -> new Hour(r.get("outlet_id", String.class), r.get("pollutant", String.class),
                            r.get("hour", OffsetDateTime.class).toInstant(), r.get("measured", Double.class),
                            r.get("o2", Double.class), r.get("flow", Double.class), r.get("flag", String.class),
                            r.get("value_ref", Double.class), r.get("limit_mg_m3", Double.class),
                            r.get("exceeds", Boolean.class))).all();
                });
    }
}
