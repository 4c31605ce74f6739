package cn.lantian.straw.alert;

import cn.lantian.reference.Placement;
import cn.lantian.straw.events.EmergencyMeasuresActivated;
import cn.lantian.straw.events.EmergencyMeasuresEnded;
import cn.lantian.straw.events.StrawEvents;
import cn.lantian.straw.rules.StrawRules;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Puts the straw domain's measures of an alert level in force in the alerted county (more patrols, faster
 * verification: {@code rules/alert-measures.csv}) and raises {@code emergency-measures-activated}; a lifted alert,
 * or a change of level, ends the level's measures and raises {@code emergency-measures-ended}. Incidents first detected while measures
 * are in force in their county carry the alert's id.
 */
@Service
class AlertMeasures {

    /** An alert as the air-quality events state it. */
    record Alert(String alertId, String county, String level, Instant effectiveFrom) {}

    private final Activations activations;
    private final StrawEvents events;
    private final StrawRules rules;

    AlertMeasures(Activations activations, StrawEvents events, StrawRules rules) {
        this.activations = activations;
        this.events = events;
        this.rules = rules;
    }

    /** Issued, upgraded or downgraded: the level's measures are in force from now on. */
    Mono<Void> inForce(Alert alert) {
        List<String> measures = rules.measures(alert.level()).stream()
                .map(StrawRules.Measure::text)
                .toList();
        EmergencyMeasuresActivated data = new EmergencyMeasuresActivated(
                alert.county(),
                alert.alertId(),
                alert.level(),
                alert.effectiveFrom().toString(),
                measures);
        Mono<Void> levelChanged = activations
                .inForceAtOtherLevel(alert.alertId(), alert.level())
                .concatMap(previous -> ended(previous, "level-changed", alert.level(), alert.effectiveFrom()))
                .then();
        return levelChanged
                .then(activations.inForce(alert.alertId(), alert.county(), alert.level(), alert.effectiveFrom()))
                .then(events.raise(new StrawEvents.Raised(
                        EmergencyMeasuresActivated.TYPE,
                        "alert/" + alert.alertId(),
                        new Placement(alert.county(), null),
                        null,
                        null,
                        data)));
    }

    /** Lifted: the measures end. */
    Mono<Void> lift(String alertId, Instant at) {
        return activations
                .end(alertId, at)
                .concatMap(ended -> ended(ended, "lifted", null, ended.endedAt()))
                .then();
    }

    private Mono<Void> ended(Activation activation, String reason, String newLevel, Instant at) {
        List<String> kept = newLevel == null
                ? List.of()
                : rules.measures(newLevel).stream()
                        .map(StrawRules.Measure::text)
                        .toList();
        List<String> ending = rules.measures(activation.level()).stream()
                .map(StrawRules.Measure::text)
                .filter(m -> !kept.contains(m))
                .toList();
        if (ending.isEmpty()) {
            return Mono.empty();
        }
        return events.raise(new StrawEvents.Raised(
                EmergencyMeasuresEnded.TYPE,
                "alert/" + activation.alertId(),
                new Placement(activation.county(), null),
                null,
                null,
                new EmergencyMeasuresEnded(
                        activation.county(),
                        activation.alertId(),
                        activation.level(),
                        reason,
                        newLevel,
                        at.toString(),
                        ending)));
    }
}
