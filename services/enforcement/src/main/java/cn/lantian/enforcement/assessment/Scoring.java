package cn.lantian.enforcement.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assessment arithmetic. Each component scores 0-100: targets as the mean of the indicators' status scores; tasks
 * as the mean over scored tasks of min(1, done / quota) or done / to-do; timeliness as the share of cases handled by
 * their deadline. A component without data is left out and the other weights are renormalised; a unit with no data at
 * all scores 0. Ranks are competition ranks (equal scores share a rank); laggards are those below the threshold or in
 * the bottom ranks.
 */
public final class Scoring {

    private final Weights weights;

    public Scoring(Weights weights) {
        this.weights = weights;
    }

    /** Scores and ranks every unit. */
    public List<Scorecard> score(String period, List<UnitFacts> units) {
        List<Scorecard> unranked = units.stream().map(u -> scoreOne(period, u)).toList();
        List<Scorecard> sorted = new ArrayList<>(unranked);
        sorted.sort(Comparator.comparingDouble(Scorecard::score).reversed().thenComparing(Scorecard::unit));
        List<Scorecard> ranked = new ArrayList<>();
        int lastRankFromBottom = sorted.size() - weights.laggards().bottom();
        for (int i = 0; i < sorted.size(); i++) {
            Scorecard s = sorted.get(i);
            int rank = i > 0 && sorted.get(i - 1).score() == s.score()
                    ? ranked.get(i - 1).rank()
                    : i + 1;
            boolean flagged = s.score() < weights.laggards().scoreBelow() || rank > lastRankFromBottom;
            ranked.add(new Scorecard(s.unit(), period, s.score(), rank, flagged, s.components(), s.details()));
        }
        return ranked;
    }

    Scorecard scoreOne(String period, UnitFacts u) {
        Map<String, Double> components = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        List<Double> targetScores = u.targetStatuses().values().stream()
                .map(s -> weights.targetStatusScores().get(s))
                .filter(v -> v != null)
                .toList();
        if (!targetScores.isEmpty()) {
            components.put("targets", mean(targetScores));
            details.put("targets", u.targetStatuses());
        }
        Map<String, Double> taskScores = new LinkedHashMap<>();
        for (Weights.Task t : weights.tasks()) {
            if (!t.scored()) {
                continue;
            }
            long done = t.done(u.eventCounts());
            if (t.ofEventType() != null) {
                long todo = t.todo(u.eventCounts());
                if (todo > 0) {
                    taskScores.put(t.kind(), round(100.0 * Math.min(1.0, (double) done / todo)));
                }
            } else {
                taskScores.put(t.kind(), round(100.0 * Math.min(1.0, (double) done / t.quota())));
            }
        }
        if (!taskScores.isEmpty()) {
            components.put("tasks", mean(List.copyOf(taskScores.values())));
            details.put("tasks", taskScores);
        }
        long handled = u.casesClosedOnTime() + u.casesLate();
        if (handled > 0) {
            components.put("timeliness", round(100.0 * u.casesClosedOnTime() / handled));
            details.put("timeliness", Map.of("onTime", u.casesClosedOnTime(), "late", u.casesLate()));
        }
        double weighted = 0;
        double weightSum = 0;
        for (Map.Entry<String, Double> c : components.entrySet()) {
            double w = weights.components().getOrDefault(c.getKey(), 0.0);
            weighted += w * c.getValue();
            weightSum += w;
        }
        double score = weightSum == 0 ? 0 : round(weighted / weightSum);
        return new Scorecard(u.unit(), period, score, 0, false, components, details);
    }

    private static double mean(List<Double> values) {
        return round(values.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
