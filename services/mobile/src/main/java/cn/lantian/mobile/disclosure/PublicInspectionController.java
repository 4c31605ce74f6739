package cn.lantian.mobile.disclosure;

import cn.lantian.mobile.inspection.Findings;
import cn.lantian.mobile.inspection.InspectionStation;
import cn.lantian.mobile.inspection.InspectionStations;
import cn.lantian.mobile.inspection.PassRates;
import cn.lantian.mobile.web.Page;
import cn.lantian.web.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The public disclosure of periodic inspection: no token, no personal data. */
@RestController
@RequestMapping("/api/public/v1/mobile")
class PublicInspectionController {

    private static final int MAX_LIMIT = 500;

    private final InspectionStations stations;
    private final PassRates rates;
    private final Findings findings;
    private final Clock clock;

    PublicInspectionController(InspectionStations stations, PassRates rates, Findings findings, Clock clock) {
        this.stations = stations;
        this.rates = rates;
        this.findings = findings;
        this.clock = clock;
    }

    /** Every inspection station with its pass rate over the last year up to now and its confirmed fraud cases. */
    @GetMapping("/inspection-stations")
    Mono<Map<String, Object>> stations() {
        Instant to = clock.instant();
        Instant from = to.atZone(ZoneOffset.UTC).minusYears(1).toInstant();
        return Mono.zip(stations.all().collectList(), rates.between(from, to), findings.confirmedPerStation())
                .map(t -> {
                    List<PublicStation> items = t.getT1().stream()
                            .map(s -> {
                                long[] tally = t.getT2().getOrDefault(s.id(), new long[] {0, 0});
                                Double rate = tally[0] == 0 ? null : Math.round(tally[1] * 1000.0 / tally[0]) / 10.0;
                                return new PublicStation(
                                        s.id(),
                                        s.name(),
                                        s.licence(),
                                        s.unit(),
                                        s.lanes(),
                                        tally[0],
                                        tally[1],
                                        rate,
                                        t.getT3().getOrDefault(s.id(), 0L));
                            })
                            .toList();
                    return Map.of("from", from, "to", to, "items", items);
                });
    }

    /** Confirmed fraud cases, plates masked, in pages by id. */
    @GetMapping("/fraud-cases")
    Mono<Page<PublicFraudCase>> fraudCases(
            @RequestParam(required = false) String after, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
        return Mono.zip(
                        findings.confirmed(after, limit + 1).collectList(),
                        stations.all().collectMap(InspectionStation::id, Function.identity()))
                .map(t -> t.getT1().stream()
                        .map(f -> {
                            InspectionStation s = t.getT2().get(f.stationId());
                            return new PublicFraudCase(
                                    f.id(),
                                    f.signal(),
                                    f.stationId(),
                                    s == null ? null : s.name(),
                                    f.unit(),
                                    f.detectedAt(),
                                    f.decidedAt(),
                                    Plates.maskIn(f.summary(), f.plates()),
                                    f.plates().stream().map(Plates::mask).collect(Collectors.toList()));
                        })
                        .toList())
                .map(list -> Page.of(list, limit, PublicFraudCase::id));
    }
}
