package cn.lantian.greening.rules;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The greening measures per heavy-pollution alert level ({@code rules/emergency-measures.csv}); a level puts in force
 * its own measures and those of every lower level.
 */
@Component
public class EmergencyMeasures {

    /** The alert levels, lowest first. */
    public static final List<String> LEVELS = List.of("yellow", "orange", "red");

    /** One measure, in force from its level upwards. */
    public record Measure(
            String fromLevel, String id, String measure, String appliesTo, String source, String status) {}

    private final List<Measure> measures;

    public EmergencyMeasures() {
        measures = RuleTable.read("rules/emergency-measures.csv").stream()
                .map(r -> new Measure(
                        r.get("fromLevel"),
                        r.get("id"),
                        r.get("measure"),
                        r.get("appliesTo"),
                        r.get("source"),
                        r.get("status")))
                .toList();
        measures.forEach(m -> {
            if (!LEVELS.contains(m.fromLevel()) || m.source().isBlank()) {
                throw new IllegalStateException("rules/emergency-measures.csv: bad level or no source for " + m.id());
            }
        });
    }

    /** The measures in force at that level. */
    public List<Measure> at(String level) {
        int rank = LEVELS.indexOf(level);
        if (rank < 0) {
            throw new IllegalArgumentException("no alert level " + level);
        }
        return measures.stream()
                .filter(m -> LEVELS.indexOf(m.fromLevel()) <= rank)
                .toList();
    }

    /** Every measure. */
    public List<Measure> all() {
        return measures;
    }
}
