package cn.lantian.straw.rules;

import cn.lantian.straw.csv.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule tables shipped in {@code rules/}: rule numbers ({@code straw-rules.csv}), straw seasons
 * ({@code seasons.csv}) and the measures per alert level ({@code alert-measures.csv}), each row with its source.
 */
public final class StrawRules {

    /** The rule ids the service reads; the table must hold exactly these. */
    public static final List<String> IDS = List.of(
            "merge-distance-km",
            "merge-window-hours",
            "vegetation-fire-type",
            "utilisation-target",
            "intensity-per-ha");

    private static final Pattern SEASON = Pattern.compile("^(\\d{4})-([a-z]+)$");

    /** The months of one named season. */
    public record SeasonMonths(String name, int firstMonth, int lastMonth, String source) {}

    /** One measure of an alert level. */
    public record Measure(String level, String text, String source) {}

    private final Map<String, Rule> rules;
    private final List<SeasonMonths> seasons;
    private final List<Measure> measures;

    StrawRules(Map<String, Rule> rules, List<SeasonMonths> seasons, List<Measure> measures) {
        this.rules = rules;
        this.seasons = seasons;
        this.measures = measures;
    }

    /** Loads the shipped tables; fails at start when a row is missing or malformed. */
    public static StrawRules load() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (List<String> r : rows("rules/straw-rules.csv", 5)) {
            rules.put(r.get(0), new Rule(r.get(0), Double.parseDouble(r.get(1)), r.get(2), r.get(3), r.get(4)));
        }
        if (!rules.keySet().equals(new java.util.LinkedHashSet<>(IDS))) {
            throw new IllegalStateException(
                    "rules/straw-rules.csv must hold exactly " + IDS + ", holds " + rules.keySet());
        }
        List<SeasonMonths> seasons = new ArrayList<>();
        for (List<String> r : rows("rules/seasons.csv", 4)) {
            seasons.add(new SeasonMonths(r.get(0), Integer.parseInt(r.get(1)), Integer.parseInt(r.get(2)), r.get(3)));
        }
        List<Measure> measures = new ArrayList<>();
        for (List<String> r : rows("rules/alert-measures.csv", 3)) {
            measures.add(new Measure(r.get(0), r.get(1), r.get(2)));
        }
        return new StrawRules(rules, List.copyOf(seasons), List.copyOf(measures));
    }

    private static List<List<String>> rows(String resource, int columns) {
        try (InputStream in = StrawRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            List<Csv.Row> rows = Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<List<String>> body = new ArrayList<>();
            for (Csv.Row row : rows.subList(1, rows.size())) {
                if (row.fields().size() != columns
                        || row.fields().get(0).isBlank()
                        || row.fields().get(1).isBlank()) {
                    throw new IllegalStateException(
                            resource + " line " + row.line() + " needs " + columns + " columns");
                }
                body.add(row.fields().stream().map(String::trim).toList());
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same tables with the merge bounds a deployment configured in place of the shipped ones (null keeps the
     * shipped value); the rule then says it was configured and what was shipped.
     *
     * @throws IllegalStateException when a bound is outside what can be one fire seen by several satellites
     */
    public StrawRules withMergeBounds(Double distanceKm, Double windowHours) {
        Map<String, Rule> changed = new LinkedHashMap<>(rules);
        override(changed, "merge-distance-km", distanceKm, 0.1, 10, "lantian.straw.merge-distance-km");
        override(changed, "merge-window-hours", windowHours, 0.5, 48, "lantian.straw.merge-window-hours");
        return new StrawRules(changed, seasons, measures);
    }

    private static void override(Map<String, Rule> rules, String id, Double value, double min, double max, String key) {
        if (value == null) {
            return;
        }
        if (value.isNaN() || value < min || value > max) {
            throw new IllegalStateException(key + " must be from " + min + " to " + max + ", is " + value);
        }
        Rule shipped = rules.get(id);
        rules.put(
                id,
                new Rule(
                        id,
                        value,
                        shipped.unit(),
                        "Configured (" + key + "); shipped " + shipped.value() + " " + shipped.unit() + ": "
                                + shipped.source(),
                        "configured"));
    }

    /** Every rule number with its source. */
    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    /** One rule by id. */
    public Rule rule(String id) {
        Rule rule = rules.get(id);
        if (rule == null) {
            throw new IllegalArgumentException("no rule " + id);
        }
        return rule;
    }

    /** The distance within which detections are of the same fire. */
    public double mergeDistanceKm() {
        return rule("merge-distance-km").value();
    }

    /** The time within which detections are of the same fire. */
    public Duration mergeWindow() {
        return Duration.ofMinutes(Math.round(rule("merge-window-hours").value() * 60));
    }

    /** The FIRMS type kept as a vegetation fire; other types are skipped. */
    public int vegetationFireType() {
        return (int) rule("vegetation-fire-type").value();
    }

    /** The national straw utilisation target, as a ratio. */
    public double utilisationTarget() {
        return rule("utilisation-target").value();
    }

    /** The cropland area per which fire-point intensity is counted, in hectares. */
    public double intensityPerHa() {
        return rule("intensity-per-ha").value();
    }

    /** The named seasons. */
    public List<SeasonMonths> seasons() {
        return seasons;
    }

    /** The season with that id ({@code 2025-autumn}), if the name is a known season and the year plausible. */
    public Optional<Season> season(String id) {
        Matcher m = id == null ? null : SEASON.matcher(id);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2100) {
            return Optional.empty();
        }
        return seasons.stream()
                .filter(s -> s.name().equals(m.group(2)))
                .findFirst()
                .map(s -> new Season(
                        id,
                        LocalDate.of(year, s.firstMonth(), 1),
                        LocalDate.of(year, s.lastMonth(), 1).plusMonths(1)));
    }

    /** The season an instant falls in, if any. */
    public Optional<Season> seasonOf(java.time.Instant at) {
        ZonedDateTime local = at.atZone(Season.ZONE);
        int month = local.getMonthValue();
        return seasons.stream()
                .filter(s -> month >= s.firstMonth() && month <= s.lastMonth())
                .findFirst()
                .flatMap(s -> season(local.getYear() + "-" + s.name()));
    }

    /** The measures of an alert level, in table order. */
    public List<Measure> measures(String level) {
        return measures.stream().filter(m -> m.level().equals(level)).toList();
    }

    /** Every measure row. */
    public List<Measure> measures() {
        return measures;
    }
}
