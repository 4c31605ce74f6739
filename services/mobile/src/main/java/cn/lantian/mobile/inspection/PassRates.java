package cn.lantian.mobile.inspection;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Tests and passes per inspection station over a period, for the public disclosure. */
@Component
public class PassRates {

    private final InspectionTests tests;

    PassRates(InspectionTests tests) {
        this.tests = tests;
    }

    /** Station id to {tests, passes} between the two instants. */
    public Mono<Map<String, long[]>> between(Instant from, Instant to) {
        return tests.tallies(from, to)
                .map(list -> list.stream().collect(Collectors.toMap(FraudSignals.StationTally::stationId, t ->
                        new long[] {t.tests(), t.passes()})));
    }
}
