package cn.lantian.mobile.inspection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The fraud signals over one station's tests in a period, with the thresholds in force, stored nothing: what an
 * officer asks before an on-site check, and what the benchmark times over a year.
 */
@Service
class StationAudit {

    /** A period longer than one inspection cycle says nothing more and costs more. */
    static final Duration LONGEST = Duration.ofDays(366);

    private final InspectionTests tests;
    private final FraudSignals signals;

    StationAudit(InspectionTests tests, FraudSignals signals) {
        this.tests = tests;
        this.signals = signals;
    }

    /**
     * The findings over the period.
     *
     * @param tests how many tests were evaluated
     * @param millis the time the audit took, loading included
     * @param evaluationMillis the time the signals took once the tests were loaded
     */
    record Audit(
            String stationId,
            Instant from,
            Instant to,
            int tests,
            long millis,
            long evaluationMillis,
            List<Finding> findings) {}

    Mono<Audit> audit(String station, Instant from, Instant to, FraudRule passRate) {
        long started = System.nanoTime();
        return tests.ofStation(station, from, to)
                .collectList()
                .zipWith(tests.tallies(to.minus(Duration.ofDays(passRate.windowDays())), to))
                .map(t -> {
                    long evaluating = System.nanoTime();
                    List<Finding> found = new ArrayList<>(signals.evaluate(t.getT1()));
                    signals.passRateOutliers(t.getT2(), to).stream()
                            .filter(f -> f.stationId().equals(station))
                            .forEach(found::add);
                    long done = System.nanoTime();
                    return new Audit(
                            station,
                            from,
                            to,
                            t.getT1().size(),
                            (done - started) / 1_000_000,
                            (done - evaluating) / 1_000_000,
                            found);
                });
    }
}
