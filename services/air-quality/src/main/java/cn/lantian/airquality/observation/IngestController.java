package cn.lantian.airquality.observation;

import cn.lantian.airquality.access.AccessPolicy;
import cn.lantian.airquality.evaluation.TargetStatusWatch;
import cn.lantian.airquality.station.Station;
import cn.lantian.airquality.station.Stations;
import cn.lantian.airquality.web.InvalidInput;
import cn.lantian.security.Callers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/air-quality/v1/observations}: a batch of hourly observations as JSON lines
 * ({@code application/x-ndjson}) or CSV ({@code text/csv}); the whole batch is refused if any line is bad or any station
 * lies outside the caller's jurisdiction.
 */
@RestController
class IngestController {

    private final Observations observations;
    private final Stations stations;
    private final AccessPolicy policy;
    private final TargetStatusWatch watch;

    IngestController(Observations observations, Stations stations, AccessPolicy policy, TargetStatusWatch watch) {
        this.observations = observations;
        this.stations = stations;
        this.policy = policy;
        this.watch = watch;
    }

    /** What a batch did. */
    record IngestReport(int received, long written, List<String> stations) {
    }

    @PostMapping(path = "/api/air-quality/v1/observations",
            consumes = {"application/x-ndjson", "application/jsonl", "text/csv"})
    Mono<IngestReport> ingest(@RequestHeader("Content-Type") MediaType type, @RequestBody String body) {
        List<Observation> batch = "csv".equals(type.getSubtype()) ? ObservationParser.csv(body) : ObservationParser.jsonLines(body);
        TreeSet<String> ids = new TreeSet<>();
        batch.forEach(o -> ids.add(o.station()));
        return Mono.zip(Callers.current(), stations.byId()).flatMap(t -> {
            Map<String, Station> known = t.getT2();
            List<InvalidInput.Violation> unknown = new ArrayList<>();
            for (String id : ids) {
                Station station = known.get(id);
                if (station == null) {
                    unknown.add(new InvalidInput.Violation("station", "unknown station '" + id + "'"));
                } else if (!policy.mayWrite(t.getT1(), station.placement())) {
                    return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                            "station " + id + " lies in " + station.jurisdiction() + ", outside your jurisdiction"));
                }
            }
            if (!unknown.isEmpty()) {
                return Mono.error(new InvalidInput(unknown));
            }
            // Late and corrected values change the days and years they fall in: re-evaluate those years.
            java.util.Set<Integer> years = new java.util.TreeSet<>();
            batch.forEach(o -> years.add(o.hour().atZone(HourlyAqi.CHINA).minusHours(1).getYear()));
            return observations.upsert(batch)
                    .doOnSuccess(written -> watch.request(years))
                    .map(written -> new IngestReport(batch.size(), written, List.copyOf(ids)));
        });
    }
}
