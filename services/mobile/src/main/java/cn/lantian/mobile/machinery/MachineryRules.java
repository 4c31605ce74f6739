package cn.lantian.mobile.machinery;

import cn.lantian.mobile.zone.LowEmissionZones;
import cn.lantian.mobile.zone.Zone;
import cn.lantian.reference.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The shipped rule data of non-road machinery: the Ringelmann limit, the registration deadline, the emission stages in
 * order; and the words the registry accepts.
 */
@Component
class MachineryRules {

    /** Machine kinds that take a code; farm machinery is excluded from code registration. */
    static final List<String> KINDS = List.of(
            "excavator",
            "loader",
            "bulldozer",
            "road-roller",
            "grader",
            "paver",
            "forklift",
            "crane",
            "pile-driver",
            "concrete-pump",
            "drilling-rig",
            "generator-set",
            "other");

    /** Farm machinery, which the MEE notice leaves out of code registration. */
    static final List<String> FARM_KINDS = List.of("tractor", "harvester", "farm-other");

    static final List<String> FUELS = List.of("diesel", "petrol", "gas", "electric", "hybrid");

    /** After-treatment devices; {@code none} alone when there is none. */
    static final List<String> AFTER_TREATMENTS = List.of("DOC", "DPF", "SCR", "EGR", "POC", "none");

    /** The stage of electric machinery: no exhaust, so it meets every zone. */
    static final String NONE = "none";

    private final Rule ringelmann;
    private final Rule registrationDays;
    private final List<String> stages;
    private final TreeMap<LocalDate, String> stageDates = new TreeMap<>();

    @Autowired
    MachineryRules(LowEmissionZones zones) {
        this(text("rules/non-road-machinery.csv"), text("rules/non-road-stages.csv"), zones.all());
    }

    MachineryRules(String rulesCsv, String stagesCsv, List<Zone> zones) {
        Map<String, Rule> rules = new java.util.HashMap<>();
        for (Map<String, String> r : Csv.read(rulesCsv)) {
            if (blank(r.get("status")) || blank(r.get("source"))) {
                throw new IllegalStateException("non-road rule " + r.get("rule") + " names no source or status");
            }
            rules.put(
                    r.get("rule"),
                    new Rule(
                            r.get("rule"),
                            Double.parseDouble(r.get("value")),
                            r.get("unit"),
                            r.get("status"),
                            r.get("source")));
        }
        this.ringelmann = required(rules, "ringelmann-limit");
        this.registrationDays = required(rules, "registration-days");
        List<Map<String, String>> rows = Csv.read(stagesCsv);
        this.stages = rows.stream().map(r -> r.get("stage")).toList();
        for (Map<String, String> r : rows) {
            if (!blank(r.get("applies_from"))) {
                stageDates.put(LocalDate.parse(r.get("applies_from")), r.get("stage"));
            }
        }
        for (Zone z : zones) {
            if (!stages.contains(z.minStage())) {
                throw new IllegalStateException("zone " + z.id() + " names an unknown stage " + z.minStage());
            }
        }
    }

    /** The darkest Ringelmann grade in-use machinery may emit; a sighting above it is black smoke. */
    Rule ringelmann() {
        return ringelmann;
    }

    /** The days within which a newly acquired machine must be registered. */
    Rule registrationDays() {
        return registrationDays;
    }

    /** The stages in order, oldest first, without {@code none}. */
    List<String> stages() {
        return stages;
    }

    /** Whether the stage is one the registry accepts ({@code none} for electric machinery). */
    boolean knownStage(String stage) {
        return NONE.equals(stage) || stages.contains(stage);
    }

    /** Whether machinery of that stage may not work in the zone; electric machinery always may. */
    boolean belowZone(String stage, Zone zone) {
        if (NONE.equals(stage)) {
            return false;
        }
        return stages.indexOf(stage) < stages.indexOf(zone.minStage());
    }

    /** The stage new machines had to meet on that date (for demonstration data). */
    String stageOn(LocalDate produced) {
        Map.Entry<LocalDate, String> e = stageDates.floorEntry(produced);
        return e == null ? stages.get(0) : e.getValue();
    }

    private static Rule required(Map<String, Rule> rules, String id) {
        Rule r = rules.get(id);
        if (r == null) {
            throw new IllegalStateException("rules/non-road-machinery.csv has no " + id);
        }
        return r;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(String resource) {
        try (InputStream in = MachineryRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
