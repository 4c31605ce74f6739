package cn.lantian.portal.opendata;

import cn.lantian.portal.PortalProperties;
import cn.lantian.portal.live.LatestAqi;
import cn.lantian.portal.upstream.AirQuality;
import cn.lantian.portal.upstream.Alert;
import cn.lantian.portal.upstream.DayValue;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The first day each dated dataset holds, found in the data itself (not declared): the catalogue's temporal coverage.
 * A dataset without data has no entry, so the catalogue claims no period for it.
 */
@Component
class Coverage {

    /** The catalogue's datasets whose period comes from their data. */
    static final java.util.Set<String> DATED =
            java.util.Set.of("observations-hourly", "observations-daily", "targets", "alerts");

    private final DataYears dataYears;
    private final AirQuality airQuality;
    private final LatestAqi latest;
    private final PortalProperties properties;
    private volatile Mono<Map<String, LocalDate>> held;

    Coverage(DataYears dataYears, AirQuality airQuality, LatestAqi latest, PortalProperties properties) {
        this.dataYears = dataYears;
        this.airQuality = airQuality;
        this.latest = latest;
        this.properties = properties;
    }

    /** Per dataset identifier of the catalogue, its first day; worked out again after a while. */
    Mono<Map<String, LocalDate>> firstDays() {
        Mono<Map<String, LocalDate>> current = held;
        if (current == null) {
            current = find().cache(found -> properties.seriesCache(), e -> Duration.ZERO, () -> Duration.ZERO);
            held = current;
        }
        return current.doOnError(e -> held = null);
    }

    private Mono<Map<String, LocalDate>> find() {
        return Mono.zip(dataYears.byDataset(), dataYears.targetYears()).flatMap(both -> {
            List<Integer> observed = both.getT1().getOrDefault("observations-daily", List.of());
            // A year's standing needs its observations: a year the plan sets targets for but without data has none.
            List<Integer> targeted = both.getT2();
            Mono<java.util.Optional<LocalDate>> firstObserved = observed.isEmpty()
                    ? Mono.just(java.util.Optional.empty())
                    : firstDayOf(observed.get(observed.size() - 1));
            Mono<java.util.Optional<LocalDate>> firstAlert = airQuality
                    .alerts()
                    .map(alerts -> alerts.stream()
                            .map(Alert::effectiveFrom)
                            .filter(Objects::nonNull)
                            .map(t -> t.atZone(DatasetsController.CHINA).toLocalDate())
                            .min(LocalDate::compareTo));
            return Mono.zip(firstObserved, firstAlert).map(t -> {
                Map<String, LocalDate> out = new HashMap<>();
                t.getT1().ifPresent(day -> {
                    out.put("observations-hourly", day);
                    out.put("observations-daily", day);
                });
                if (!targeted.isEmpty()) {
                    // Targets are evaluated for whole years: the first year's standing begins on its first day.
                    out.put("targets", LocalDate.of(targeted.get(targeted.size() - 1), 1, 1));
                }
                t.getT2().ifPresent(day -> out.put("alerts", day));
                return Map.copyOf(out);
            });
        });
    }

    /** The earliest day any station has a daily value in the given year. */
    private Mono<java.util.Optional<LocalDate>> firstDayOf(int year) {
        LocalDate today = LocalDate.now(DatasetsController.CHINA);
        LocalDate end = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
        return latest.current()
                .flatMapMany(snapshot -> Flux.fromIterable(snapshot.stations()))
                .concatMap(s -> airQuality.daily(s.id(), LocalDate.of(year, 1, 1), end), 1)
                .flatMapIterable(days -> days)
                .map(DayValue::day)
                .reduce((a, b) -> a.isBefore(b) ? a : b)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty());
    }
}
