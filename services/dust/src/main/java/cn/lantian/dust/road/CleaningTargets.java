package cn.lantian.dust.road;

import cn.lantian.reference.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The mechanised-cleaning targets by kind of area, from {@code rules/road-cleaning-targets.csv}. */
final class CleaningTargets {

    /** A target and its source. */
    record Target(String areaKind, double targetPct, String source, String status) {

        /** Whether the share meets the target (the target itself does). */
        boolean met(double sharePct) {
            return sharePct >= targetPct;
        }
    }

    private final Map<String, Target> byKind;

    private CleaningTargets(Map<String, Target> byKind) {
        this.byKind = byKind;
    }

    static CleaningTargets load() {
        try (InputStream in =
                CleaningTargets.class.getClassLoader().getResourceAsStream("rules/road-cleaning-targets.csv")) {
            Map<String, Target> targets = new LinkedHashMap<>();
            for (Map<String, String> r : Csv.read(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                targets.put(
                        r.get("areaKind"),
                        new Target(
                                r.get("areaKind"),
                                Double.parseDouble(r.get("targetPct")),
                                r.get("source"),
                                r.get("status")));
            }
            return new CleaningTargets(Map.copyOf(targets));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Target of(String areaKind) {
        return byKind.get(areaKind);
    }

    boolean knows(String areaKind) {
        return byKind.containsKey(areaKind);
    }
}
