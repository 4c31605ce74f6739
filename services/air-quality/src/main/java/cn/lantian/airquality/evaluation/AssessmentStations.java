package cn.lantian.airquality.evaluation;

import cn.lantian.airquality.station.Station;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Which stations assess which unit, by station kind, from {@code evaluation/assessment-stations.json}: the prefecture
 * from its city stations, a county from its own stations outside the Corps, a Corps unit from its own; industrial-park
 * stations assess nothing.
 */
public final class AssessmentStations {

    private final Set<String> prefecture;
    private final Set<String> county;
    private final Set<String> corps;

    private AssessmentStations(Set<String> prefecture, Set<String> county, Set<String> corps) {
        this.prefecture = prefecture;
        this.county = county;
        this.corps = corps;
    }

    /** Reads the shipped rule. */
    public static AssessmentStations load() {
        JsonNode r = EvaluationRules.read("/evaluation/assessment-stations.json");
        return new AssessmentStations(kinds(r, "prefecture"), kinds(r, "county"), kinds(r, "corps"));
    }

    /** Each unit with its assessment stations, by unit id (prefecture 653100, county code, Corps unit id). */
    public Map<String, List<Station>> units(List<Station> stations) {
        Map<String, List<Station>> units = new TreeMap<>();
        for (Station s : stations) {
            if (prefecture.contains(s.kind())) {
                units.computeIfAbsent(Targets.PREFECTURE, k -> new ArrayList<>())
                        .add(s);
            }
            if (s.corpsUnit() == null && county.contains(s.kind())) {
                units.computeIfAbsent(s.jurisdiction(), k -> new ArrayList<>()).add(s);
            }
            if (s.corpsUnit() != null && corps.contains(s.kind())) {
                units.computeIfAbsent(s.corpsUnit(), k -> new ArrayList<>()).add(s);
            }
        }
        return units;
    }

    /** The assessment stations of one unit; empty for a unit without any. */
    public List<Station> of(String unit, List<Station> stations) {
        return units(stations).getOrDefault(unit, List.of());
    }

    private static Set<String> kinds(JsonNode root, String field) {
        List<String> kinds = new ArrayList<>();
        root.get(field).forEach(k -> kinds.add(k.asString()));
        return Set.copyOf(kinds);
    }
}
