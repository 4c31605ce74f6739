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
public record Weights(String source, Map<String, Double> components, Map<String, Double> targetStatusScores,
        List<Task> tasks, Laggards laggards) {

    /**
     * A plan task counted from other services' events.
     *
     * @param eventType the event that reports one done, or null when the contract has none yet
     * @param quota how many done in a half year count as complete (or null)
     * @param ofEventType the event that reports one to do, when completion is a share (or null)
     */
    public record Task(String kind, String eventType, Integer quota, String ofEventType, String note) {

        /** Whether it can be scored at all. */
        public boolean scored() {
            return eventType != null && (quota != null || ofEventType != null);
        }
    }

    /** Who is flagged for supervision: a score below the threshold, or among the bottom ranks. */
    public record Laggards(double scoreBelow, int bottom) {
    }

    public static Weights load(String resource) {
        try (InputStream in = Weights.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, Weights.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event type the assessment counts. */
    public Set<String> countedTypes() {
        return tasks.stream().filter(Task::scored).flatMap(t -> Stream.of(t.eventType(), t.ofEventType()))
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
