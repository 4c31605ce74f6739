package cn.lantian.airquality.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The alert rule table from {@code alert/rules.json}: the highest level whose every condition a forecast meets. */
public final class AlertRules {

    /** A run of at least {@code days} consecutive forecast days with AQI above {@code aqiAbove}. */
    record Condition(int aqiAbove, int days) {}

    /** One row: a level and the conditions that all must hold. */
    public record Rule(String id, AlertLevel level, String basis, List<Condition> all) {}

    /** The level a forecast calls for, with the rule that set it (null rule for none). */
    public record Decision(AlertLevel level, Rule rule) {}

    private final String source;
    private final boolean excludeDust;
    private final List<Rule> rules;

    AlertRules(String source, boolean excludeDust, List<Rule> rules) {
        this.source = source;
        this.excludeDust = excludeDust;
        this.rules = rules.stream()
                .sorted(Comparator.comparing(Rule::level).reversed())
                .toList();
    }

    public static AlertRules load() {
        try (InputStream in = AlertRules.class.getResourceAsStream("/alert/rules.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Rule> rules = new ArrayList<>();
            root.get("rules").forEach(r -> {
                List<Condition> all = new ArrayList<>();
                r.get("all")
                        .forEach(c -> all.add(new Condition(
                                c.get("aqiAbove").asInt(), c.get("days").asInt())));
                rules.add(new Rule(
                        r.get("id").asString(),
                        AlertLevel.of(r.get("level").asString()),
                        r.get("basis").asString(),
                        List.copyOf(all)));
            });
            return new AlertRules(
                    root.get("source").asString(), root.get("excludeDust").asBoolean(), rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The short name of the rule table's source, for events. */
    public String source() {
        return "环大气〔2024〕6号";
    }

    /** Where the rule table comes from, in full. */
    public String fullSource() {
        return source;
    }

    /** The level a county's forecast (consecutive days, oldest first) calls for. */
    public Decision decide(List<ForecastDay> forecast) {
        for (Rule rule : rules) {
            if (rule.all().stream().allMatch(c -> longestRun(forecast, c.aqiAbove()) >= c.days())) {
                return new Decision(rule.level(), rule);
            }
        }
        return new Decision(AlertLevel.NONE, null);
    }

    private int longestRun(List<ForecastDay> forecast, int above) {
        int best = 0;
        int run = 0;
        ForecastDay previous = null;
        for (ForecastDay day : forecast) {
            boolean counts = day.aqi() > above && !(excludeDust && day.dust());
            boolean consecutive = previous != null && previous.day().plusDays(1).equals(day.day());
            run = counts ? (consecutive ? run + 1 : 1) : 0;
            best = Math.max(best, run);
            previous = day;
        }
        return best;
    }
}
