package cn.lantian.portal.opendata;

import cn.lantian.portal.upstream.Domains;
import cn.lantian.portal.upstream.GreenArea;
import cn.lantian.portal.upstream.MobileDisclosures;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The periods the new domains' datasets cover, found in their data: green areas from the first planting or designation
 * year; inspection stations' pass rates over exactly the year mobile counted. Construction sites are a snapshot (each
 * site's state and newest hour) and claim no period. An owner that does not answer leaves its period out.
 */
@Component
class DomainCoverage {

    /** A period of time: its first day and, where it ends, its last. */
    record Period(LocalDate start, LocalDate end) {}

    /** The catalogue's datasets whose period comes from here. */
    static final Set<String> DATED = Set.of("green-areas", "inspection-stations");

    private final Domains domains;
    private final MobileDisclosures mobile;

    DomainCoverage(Domains domains, MobileDisclosures mobile) {
        this.domains = domains;
        this.mobile = mobile;
    }

    /** Per dataset identifier of the catalogue, its period. */
    Mono<Map<String, Period>> periods() {
        Mono<Optional<Period>> green = domains.greenAreas()
                .map(all -> all.stream()
                        .map(GreenArea::year)
                        .filter(Objects::nonNull)
                        .min(Integer::compare)
                        .map(year -> new Period(LocalDate.of(year, 1, 1), null)))
                .onErrorReturn(Optional.empty());
        Mono<Optional<Period>> inspection = mobile.rates()
                .map(rates -> rates.from() == null || rates.to() == null
                        ? Optional.<Period>empty()
                        : Optional.of(new Period(
                                rates.from().atZone(DatasetsController.CHINA).toLocalDate(),
                                rates.to().atZone(DatasetsController.CHINA).toLocalDate())))
                .onErrorReturn(Optional.empty());
        return Mono.zip(green, inspection).map(t -> {
            Map<String, Period> out = new HashMap<>();
            t.getT1().ifPresent(p -> out.put("green-areas", p));
            t.getT2().ifPresent(p -> out.put("inspection-stations", p));
            return Map.copyOf(out);
        });
    }
}
