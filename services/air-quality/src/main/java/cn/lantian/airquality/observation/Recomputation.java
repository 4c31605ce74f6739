package cn.lantian.airquality.observation;

import cn.lantian.airquality.aqi.AqiStandards;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * At every start, the stored hours since the current HJ 633 version came into force (2026-03-01 for HJ 633-2026) get
 * the figures that version gives them: hours stored while its table was not yet shipped carry HJ 633-2012's. Only
 * differing figures are written, so the step is idempotent and independent of Flyway; the years it changed are then
 * re-evaluated like any written observations (days are always computed from the hours, so they follow).
 */
@Component
class Recomputation {

    private static final Logger LOG = LoggerFactory.getLogger(Recomputation.class);

    private final Observations observations;
    private final AqiStandards standards;
    private final ApplicationEventPublisher events;

    Recomputation(Observations observations, AqiStandards standards, ApplicationEventPublisher events) {
        this.observations = observations;
        this.standards = standards;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        run().subscribe(
                        years -> {},
                        e -> LOG.warn("recomputation of stored hours failed; it runs again at the next start", e));
    }

    /** Recomputes; returns the years whose hours changed. */
    Mono<Set<Integer>> run() {
        LocalDate since = standards.national(LocalDate.now(HourlyAqi.CHINA)).appliesFrom();
        Instant from = since.atStartOfDay(HourlyAqi.CHINA).toInstant();
        return observations.recomputeSince(from).doOnNext(years -> {
            if (!years.isEmpty()) {
                events.publishEvent(new ObservationsWritten(years));
            }
        });
    }
}
