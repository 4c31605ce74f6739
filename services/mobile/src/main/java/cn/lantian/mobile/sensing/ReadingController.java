package cn.lantian.mobile.sensing;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.web.Page;
import cn.lantian.security.Callers;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/** Reading batches by HTTP, and the repair obligations the judgement opened. */
@RestController
@RequestMapping("/api/mobile/v1")
class ReadingController {

    private static final int MAX_LIMIT = 500;

    private final ReadingIngest ingest;
    private final RepairObligations obligations;
    private final Jurisdiction access;
    private final ReadingParser parser;
    private final StoredReadings stored;

    ReadingController(
            ReadingIngest ingest,
            RepairObligations obligations,
            Jurisdiction access,
            ObjectMapper json,
            StoredReadings stored) {
        this.ingest = ingest;
        this.obligations = obligations;
        this.access = access;
        this.parser = new ReadingParser(json);
        this.stored = stored;
    }

    /** A batch of readings, JSON lines ({@code application/x-ndjson}) or CSV ({@code text/csv}), taken whole. */
    @PostMapping(
            value = "/readings",
            consumes = {"application/x-ndjson", "text/csv"})
    Mono<IngestReport> readings(@RequestHeader("Content-Type") String contentType, @RequestBody String body) {
        ReadingParser.Parsed parsed = contentType.startsWith("text/csv") ? parser.csv(body) : parser.jsonLines(body);
        return Callers.current()
                .flatMap(c -> ingest.ingest(c, parsed))
                .onErrorMap(
                        RejectedReadings.class,
                        e -> new InvalidInput(e.rejections().stream()
                                .map(r -> new FieldError("line " + r.line() + " " + r.field(), r.reason()))
                                .toList()));
    }

    /**
     * The newest stored reading of a kind at exactly one place (a roadside device's position, as it sends it), among
     * the readings the caller may see: the device's system resumes its upload from there.
     */
    @GetMapping("/readings/latest")
    Mono<LatestReading> latest(
            @RequestParam(defaultValue = "remote-sensing") String check,
            @RequestParam double lon,
            @RequestParam double lat) {
        if (!ReadingParser.CHECKS.contains(check)) {
            return Mono.error(InvalidInput.of("check", "must be remote-sensing or roadside"));
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            return Mono.error(InvalidInput.of("lon", "must be a longitude in degrees"));
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            return Mono.error(InvalidInput.of("lat", "must be a latitude in degrees"));
        }
        return Callers.current()
                .flatMap(c -> stored.latest(check, lon, lat, access.visibleUnits(c)))
                .map(at -> new LatestReading(check, lon, lat, at.orElse(null)));
    }

    @GetMapping("/repair-obligations")
    Mono<Page<RepairObligation>> repairObligations(
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
        return Callers.current()
                .flatMap(c -> obligations
                        .page(access.visibleUnits(c), plate, status, after, limit + 1)
                        .collectList()
                        .map(list -> Page.of(list, limit, RepairObligation::id)));
    }
}
