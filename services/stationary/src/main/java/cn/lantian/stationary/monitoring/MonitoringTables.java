package cn.lantian.stationary.monitoring;

import cn.lantian.reference.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The monitoring data tables shipped with the service: reference oxygen per source kind, and the HJ 212 flags. */
public final class MonitoringTables {

    /** Reference oxygen of one source kind, or null o2 when values are taken as measured. */
    public record ReferenceOxygen(String sourceKind, Double o2, String source) {}

    private final Map<String, ReferenceOxygen> oxygen = new HashMap<>();
    private final Map<String, Boolean> flags = new HashMap<>();

    private MonitoringTables() {}

    /** Loads both tables from the classpath. */
    public static MonitoringTables load() {
        MonitoringTables t = new MonitoringTables();
        for (Map<String, String> row : read("rules/reference-oxygen.csv")) {
            if (row.get("source").isBlank()) {
                throw new IllegalStateException("reference oxygen of " + row.get("source_kind") + " names no source");
            }
            String o2 = row.get("o2");
            t.oxygen.put(
                    row.get("source_kind"),
                    new ReferenceOxygen(
                            row.get("source_kind"), o2.isBlank() ? null : Double.valueOf(o2), row.get("source")));
        }
        for (Map<String, String> row : read("rules/cems-flags.csv")) {
            t.flags.put(row.get("flag"), Boolean.valueOf(row.get("valid")));
        }
        return t;
    }

    private static List<Map<String, String>> read(String path) {
        try (InputStream in = MonitoringTables.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing");
            }
            return Csv.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference oxygen of a source kind, if the table knows the kind. */
    public Optional<ReferenceOxygen> oxygen(String sourceKind) {
        return Optional.ofNullable(oxygen.get(sourceKind));
    }

    /** Whether the flag is known. */
    public boolean knownFlag(String flag) {
        return flags.containsKey(flag);
    }

    /** The flags of valid hours. */
    public java.util.Set<String> validFlags() {
        return flags.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Whether an hour with this flag is valid (only valid hours count). */
    public boolean valid(String flag) {
        return Boolean.TRUE.equals(flags.get(flag));
    }
}
