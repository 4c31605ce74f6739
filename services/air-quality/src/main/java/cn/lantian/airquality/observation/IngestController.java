package cn.lantian.airquality.observation;

import cn.lantian.airquality.access.StationAccess;
import cn.lantian.security.Callers;
import cn.lantian.web.Forbidden;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/air-quality/v1/observations}: a batch of hourly observations as JSON lines
 * ({@code application/x-ndjson}) or CSV ({@code text/csv}); the whole batch is refused if any line is bad or any station
 * lies outside the caller's jurisdiction, or is stored under a county or Corps unit its coordinates do not lie in.
 */
@RestController
class IngestController {

    private final ObservationIntake intake;
    private final StationAccess policy;

    IngestController(ObservationIntake intake, StationAccess policy) {
        this.intake = intake;
        this.policy = policy;
    }

    @PostMapping(
            path = "/api/air-quality/v1/observations",
            consumes = {"application/x-ndjson", "application/jsonl", "text/csv"})
    Mono<ObservationIntake.IngestReport> ingest(
            @RequestHeader("Content-Type") MediaType type, @RequestBody String body) {
        var batch = ObservationIntake.parse(type.getSubtype(), body);
        return Callers.current()
                .flatMap(caller -> intake.ingest(
                        batch,
                        station -> policy.mayWriteStation(
                                        caller, station.placement(), station.longitude(), station.latitude())
                                ? null
                                : new Forbidden("station " + station.id() + " lies in " + station.jurisdiction()
                                        + ", outside your jurisdiction")));
    }
}
