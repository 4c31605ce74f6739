package cn.lantian.airquality.evaluation;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The limits of GB 3095 with the periods they apply in, and its minimum data validity, from
 * {@code evaluation/gb3095.json}: GB 3095-2012 until 2026-02-28, GB 3095-2026's transitional limits from 2026-03-01 to
 * 2030-12-31 and its final ones from 2031. A judgement of a day or a year uses the set in force on that day.
 */
public final class Limits {

    /**
     * GB 3095 Table 4: the least data that make a value valid.
     *
     * @param annualMinDays daily means a year; {@code monthlyMinDays} a month, {@code februaryMinDays} in February
     * @param dailyMinHours hourly means a day (SO2, NO2, CO, PM10, PM2.5)
     * @param eightHourMinHours hourly means in an 8-hour O3 mean
     */
    public record Validity(
            int annualMinDays, int monthlyMinDays, int februaryMinDays, int dailyMinHours, int eightHourMinHours) {

        /** The least daily means of a month. */
        public int monthMinDays(Month month) {
            return month == Month.FEBRUARY ? februaryMinDays : monthlyMinDays;
        }
    }

    /**
     * One set of limits with its period.
     *
     * @param until last day in force, null while open
     * @param limits the applied grade's limits: pollutant (so2, no2, co, o3, pm10, pm25) to averaging (annual, 24h,
     *        8h, 1h) to concentration
     */
    public record LimitSet(
            String id,
            LocalDate from,
            LocalDate until,
            String source,
            boolean unconfirmed,
            Map<String, Map<String, Double>> limits,
            Validity validity) {

        /** The limit of a pollutant over an averaging period, if the standard sets one. */
        public Optional<Double> limit(String pollutant, String averaging) {
            return Optional.ofNullable(limits.getOrDefault(pollutant, Map.of()).get(averaging));
        }

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (until == null || !day.isAfter(until));
        }
    }

    private final List<LimitSet> sets;

    private Limits(List<LimitSet> sets) {
        this.sets = List.copyOf(sets);
    }

    /** Reads the shipped limits. */
    public static Limits load() {
        JsonNode root = EvaluationRules.read("/evaluation/gb3095.json");
        String grade = root.get("grade").asString();
        List<LimitSet> sets = new ArrayList<>();
        root.get("limitSets").forEach(s -> {
            Map<String, Map<String, Double>> limits = new HashMap<>();
            s.get(grade).properties().forEach(p -> {
                Map<String, Double> byPeriod = new HashMap<>();
                p.getValue()
                        .properties()
                        .forEach(a -> byPeriod.put(a.getKey(), a.getValue().asDouble()));
                limits.put(p.getKey(), Map.copyOf(byPeriod));
            });
            JsonNode v = s.get("validity");
            sets.add(new LimitSet(
                    s.get("id").asString(),
                    LocalDate.parse(s.get("from").asString()),
                    s.hasNonNull("until") ? LocalDate.parse(s.get("until").asString()) : null,
                    s.get("source").asString(),
                    s.path("unconfirmed").asBoolean(false),
                    Map.copyOf(limits),
                    new Validity(
                            v.get("annualMinDays").asInt(),
                            v.get("monthlyMinDays").asInt(),
                            v.get("februaryMinDays").asInt(),
                            v.get("dailyMinHours").asInt(),
                            v.get("eightHourMinHours").asInt())));
        });
        return new Limits(sets);
    }

    /** The set in force on that day; days before the first set are judged by the first. */
    public LimitSet on(LocalDate day) {
        return sets.stream().filter(s -> s.covers(day)).findFirst().orElse(sets.get(0));
    }

    /** The set of that id. */
    public LimitSet byId(String id) {
        return sets.stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no limit set " + id + " in evaluation/gb3095.json"));
    }

    /** Every set, oldest first. */
    public List<LimitSet> all() {
        return sets;
    }
}
