package cn.lantian.airquality.observation;

import cn.lantian.airquality.station.Station;
import cn.lantian.airquality.station.Stations;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The one path every batch of observations takes, whether it came over HTTP or AMQP: parse, check that every station is
 * known (and, for HTTP, that the caller may write it), store with the hourly AQI in one transaction, then re-evaluate
 * the years it touched.
 */
@Service
class ObservationIntake {

    private final Observations observations;
    private final Stations stations;
    private final ApplicationEventPublisher events;

    ObservationIntake(Observations observations, Stations stations, ApplicationEventPublisher events) {
        this.observations = observations;
        this.stations = stations;
        this.events = events;
    }

    /** What a batch did. */
    record IngestReport(int received, long written, List<String> stations) {}

    /**
     * Parses a body by its media subtype: {@code csv} is CSV, anything else JSON lines.
     *
     * @throws InvalidInput naming every bad line and field
     */
    static List<Observation> parse(String subtype, String body) {
        return "csv".equals(subtype) ? ObservationParser.csv(body) : ObservationParser.jsonLines(body);
    }

    /**
     * Stores the batch once every station is known and {@code refusal} has nothing against any of them.
     *
     * @param refusal the reason a station may not be written by this sender (an error to signal), or null if it may
     * @return the report; an {@link InvalidInput} error naming unknown stations, or the refusal's error
     */
    Mono<IngestReport> ingest(List<Observation> batch, Function<Station, RuntimeException> refusal) {
        TreeSet<String> ids = new TreeSet<>();
        batch.forEach(o -> ids.add(o.station()));
        return stations.byId().flatMap(known -> {
            List<FieldError> unknown = new ArrayList<>();
            for (String id : ids) {
                Station station = known.get(id);
                if (station == null) {
                    unknown.add(new FieldError("station", "unknown station '" + id + "'"));
                } else {
                    RuntimeException refused = refusal.apply(station);
                    if (refused != null) {
                        return Mono.error(refused);
                    }
                }
            }
            if (!unknown.isEmpty()) {
                return Mono.error(new InvalidInput(unknown));
            }
            // Late and corrected values change the days and years they fall in: re-evaluate those years.
            Set<Integer> years = new TreeSet<>();
            batch.forEach(o ->
                    years.add(o.hour().atZone(HourlyAqi.CHINA).minusHours(1).getYear()));
            return observations
                    .upsert(batch)
                    .doOnSuccess(written -> events.publishEvent(new ObservationsWritten(Set.copyOf(years))))
                    .map(written -> new IngestReport(batch.size(), written, List.copyOf(ids)));
        });
    }
}
