package cn.lantian.enforcement.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The assessment's scoring rule as shipped in {@code assessment/weights.json}, with its source. */
public record Weights(
        String source,
        Map<String, Double> components,
        Map<String, Double> targetStatusScores,
        List<Task> tasks,
        Laggards laggards) {

    /**
     * A plan task counted from other services' events.
     *
     * @param eventType the event that reports one done (or null when {@code doneWhen} is {@code case-closed})
     * @param quota how many done in a half year count as complete (or null)
     * @param ofEventType the event that reports one to do, when completion is a share (or null)
     * @param ruleIds when set, only events about a finding under one of these rules ({@code data.rule.id}) count
     * @param doneWhen {@code case-closed}: one is done when a case opened by an {@code ofEventType} event is closed
     *     (verified rectified) in the period; otherwise an {@code eventType} event reports it done
     */
    public record Task(
            String kind,
            String eventType,
            Integer quota,
            String ofEventType,
            List<String> ruleIds,
            String doneWhen,
            String note) {

        static final String CASE_CLOSED = "case-closed";

        /** Whether it can be scored at all. */
        public boolean scored() {
            return (eventType != null || closedCases()) && (quota != null || ofEventType != null);
        }

        /** Whether one is done when its case is closed rather than when an event reports it. */
        public boolean closedCases() {
            return CASE_CLOSED.equals(doneWhen) && ofEventType != null;
        }

        /** How many were done, from a unit's counts. */
        long done(Map<String, Long> counts) {
            return closedCases()
                    ? counts.getOrDefault(UnitFacts.closedFrom(ofEventType), 0L)
                    : count(counts, eventType);
        }

        /** How many were to do (share tasks), from a unit's counts. */
        long todo(Map<String, Long> counts) {
            return count(counts, ofEventType);
        }

        private long count(Map<String, Long> counts, String type) {
            if (ruleIds == null || ruleIds.isEmpty()) {
                return counts.getOrDefault(type, 0L);
            }
            return ruleIds.stream()
                    .mapToLong(r -> counts.getOrDefault(UnitFacts.ofRule(type, r), 0L))
                    .sum();
        }
    }

    /** Who is flagged for supervision: a score below the threshold, or among the bottom ranks. */
    public record Laggards(double scoreBelow, int bottom) {}

    public static Weights load(String resource) {
        try (InputStream in = Weights.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(in, Weights.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event type the assessment counts. */
    public Set<String> countedTypes() {
        return tasks.stream()
                .filter(Task::scored)
                .flatMap(t -> Stream.of(t.eventType(), t.ofEventType()))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /** The event types whose cases, once closed, count as a task done. */
    public Set<String> closedCaseTypes() {
        return tasks.stream()
                .filter(Task::scored)
                .filter(Task::closedCases)
                .map(Task::ofEventType)
                .collect(Collectors.toSet());
    }
}
