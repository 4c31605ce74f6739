package cn.lantian.portal.opendata;

import cn.lantian.portal.PortalProperties;
import cn.lantian.portal.live.LatestAqi;
import cn.lantian.portal.upstream.AirQuality;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The years that hold data, per dataset: the downloads index and the targets page's year selector offer only these. */
@Component
public class DataYears {

    private final AirQuality airQuality;
    private final LatestAqi latest;
    private final PortalProperties properties;

    DataYears(AirQuality airQuality, LatestAqi latest, PortalProperties properties) {
        this.airQuality = airQuality;
        this.latest = latest;
        this.properties = properties;
    }

    /** The years (newest first) that have both observations and the plan's targets: what the targets page offers. */
    public Mono<List<Integer>> targetYears() {
        return byDataset()
                .map(years -> years.getOrDefault("targets", List.of()).stream()
                        .filter(years.getOrDefault("observations-daily", List.of())::contains)
                        .toList());
    }

    /** Per dataset, the years (newest first) that have at least one row; worked out again after a while. */
    public Mono<Map<String, List<Integer>>> byDataset() {
        Mono<Map<String, List<Integer>>> held = years;
        if (held == null) {
            held = findYears().cache(found -> properties.seriesCache(), e -> Duration.ZERO, () -> Duration.ZERO);
            years = held;
        }
        return held.doOnError(e -> years = null);
    }

    private volatile Mono<Map<String, List<Integer>>> years;

    private Mono<Map<String, List<Integer>>> findYears() {
        LocalDate today = LocalDate.now(DatasetsController.CHINA);
        List<Integer> all = new ArrayList<>();
        for (int y = today.getYear(); y >= properties.firstYear(); y--) {
            all.add(y);
        }
        Mono<List<Integer>> observed = latest.current()
                .flatMap(snapshot -> Flux.fromIterable(all)
                        .concatMap(
                                y -> Flux.fromIterable(snapshot.stations())
                                        .concatMap(
                                                s -> airQuality.daily(
                                                        s.id(),
                                                        LocalDate.of(y, 1, 1),
                                                        y == today.getYear() ? today : LocalDate.of(y, 12, 31)),
                                                1)
                                        .any(days -> !days.isEmpty())
                                        .filter(Boolean::booleanValue)
                                        .map(found -> y),
                                1)
                        .collectList());
        Mono<List<Integer>> targeted = Flux.fromIterable(all)
                .concatMap(
                        y -> airQuality
                                .targets(y)
                                .filter(t -> !t.units().isEmpty())
                                .map(t -> y)
                                .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.empty()),
                        1)
                .collectList();
        Mono<List<Integer>> alerted = airQuality
                .alerts()
                .map(alerts -> alerts.stream()
                        .filter(a -> a.effectiveFrom() != null)
                        .map(a -> a.effectiveFrom()
                                .atZone(DatasetsController.CHINA)
                                .getYear())
                        .filter(y -> y >= properties.firstYear())
                        .distinct()
                        .sorted(Comparator.reverseOrder())
                        .toList());
        return Mono.zip(observed, targeted, alerted)
                .map(t -> Map.of(
                        "observations-daily",
                        t.getT1(),
                        "observations-hourly",
                        t.getT1(),
                        "targets",
                        t.getT2(),
                        "alerts",
                        t.getT3()));
    }
}
