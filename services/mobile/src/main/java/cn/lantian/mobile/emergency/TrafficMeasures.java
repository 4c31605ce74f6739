package cn.lantian.mobile.emergency;

import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.mobile.vehicle.Vocabulary;
import cn.lantian.reference.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The traffic measures per county and alert level, from {@code rules/emergency-traffic-measures.csv}. */
@Component
class TrafficMeasures {

    /** The county code whose rows apply wherever a county has none of its own for the level. */
    static final String EVERY_COUNTY = "653100";

    static final Set<String> LEVELS = Set.of("yellow", "orange", "red");

    /** One measure: trucks or non-road machinery of these kinds and fuels up to that emission stage. */
    record Measure(
            String county,
            String level,
            String id,
            String restricts,
            List<String> kinds,
            List<String> fuels,
            String stagesUpTo,
            String measure,
            String source,
            String status) {

        /** Whether this truck measure covers the vehicle. */
        boolean covers(Vehicle v) {
            if (!"truck".equals(restricts) || !kinds.contains(v.kind()) || !fuels.contains(v.fuel())) {
                return false;
            }
            int stage = Vocabulary.STAGES.indexOf(v.emissionStage());
            return stage >= 0 && !"none".equals(v.emissionStage()) && stage <= Vocabulary.STAGES.indexOf(stagesUpTo);
        }

        /** The emission stages it covers. */
        List<String> stages() {
            return Vocabulary.STAGES.subList(0, Vocabulary.STAGES.indexOf(stagesUpTo) + 1);
        }
    }

    private final List<Measure> measures;

    TrafficMeasures() {
        this(text("rules/emergency-traffic-measures.csv"));
    }

    TrafficMeasures(String csv) {
        measures = Csv.read(csv).stream().map(TrafficMeasures::measure).toList();
    }

    /** The measures of that level in force in the county (its own rows, else the prefecture's). */
    List<Measure> of(String county, String level) {
        List<Measure> own = measures.stream()
                .filter(m -> m.county().equals(county) && m.level().equals(level))
                .toList();
        return own.isEmpty()
                ? measures.stream()
                        .filter(m ->
                                m.county().equals(EVERY_COUNTY) && m.level().equals(level))
                        .toList()
                : own;
    }

    private static Measure measure(Map<String, String> row) {
        String id = row.get("id");
        if (!LEVELS.contains(row.get("level"))) {
            throw new IllegalStateException("emergency-traffic-measures.csv: no alert level " + row.get("level"));
        }
        if (row.get("source") == null || row.get("source").isBlank()) {
            throw new IllegalStateException("emergency-traffic-measures.csv: no source for " + id);
        }
        if (!Set.of("truck", "machinery").contains(row.get("restricts"))) {
            throw new IllegalStateException("emergency-traffic-measures.csv: " + id + " restricts truck or machinery");
        }
        if (!Vocabulary.STAGES.contains(row.get("stagesUpTo"))) {
            throw new IllegalStateException("emergency-traffic-measures.csv: " + id + " names no emission stage");
        }
        List<String> kinds = words(row.get("kinds"));
        if (!Vocabulary.KINDS.containsAll(kinds) || !Vocabulary.FUELS.containsAll(words(row.get("fuels")))) {
            throw new IllegalStateException("emergency-traffic-measures.csv: " + id + " names an unknown kind or fuel");
        }
        return new Measure(
                row.get("county"),
                row.get("level"),
                id,
                row.get("restricts"),
                kinds,
                words(row.get("fuels")),
                row.get("stagesUpTo"),
                row.get("measure"),
                row.get("source"),
                row.get("status"));
    }

    private static List<String> words(String cell) {
        return cell == null || cell.isBlank()
                ? List.of()
                : Arrays.stream(cell.split(";")).map(String::strip).toList();
    }

    private static String text(String resource) {
        try (InputStream in = TrafficMeasures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
