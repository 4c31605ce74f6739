package cn.lantian.airquality.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The targets by year and unit from {@code evaluation/targets.json}. A unit without its own target is shown against the
 * prefecture's: the plan makes the annual targets binding on the county and city governments (section 四（三）严格监督考核) but gives figures for
 * the prefecture only, so the prefecture's is the one published yardstick; the result names whose target it is.
 */
public final class Targets {

    /** The prefecture's division code, whose targets apply to units without their own. */
    public static final String PREFECTURE = "653100";

    private final List<Target> all;

    private Targets(List<Target> all) {
        this.all = List.copyOf(all);
    }

    /** Reads the shipped targets. */
    public static Targets load() {
        return load("/evaluation/targets.json");
    }

    /** Reads targets from a classpath resource laid out like {@code evaluation/targets.json}. */
    public static Targets load(String resource) {
        try (InputStream in = Targets.class.getResourceAsStream(resource)) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Target> list = new ArrayList<>();
            root.get("targets")
                    .forEach(t -> list.add(new Target(
                            t.get("year").asInt(),
                            t.get("unit").asString(),
                            bound(t.get("goodDayShare")),
                            bound(t.get("heavyDayShare")),
                            bound(t.get("pm25Mean")),
                            t.get("source").asString())));
            return new Targets(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The target of the unit for the year, falling back to the prefecture's. */
    public Optional<Target> of(int year, String unit) {
        return find(year, unit).or(() -> find(year, PREFECTURE));
    }

    private Optional<Target> find(int year, String unit) {
        return all.stream()
                .filter(t -> t.year() == year && t.unit().equals(unit))
                .findFirst();
    }

    private static Target.Bound bound(JsonNode n) {
        return new Target.Bound(n.get("op").asString(), n.get("value").asDouble());
    }
}
