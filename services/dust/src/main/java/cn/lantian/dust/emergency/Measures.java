package cn.lantian.dust.emergency;

import cn.lantian.reference.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The measures per alert level, read from the rule file. */
public final class Measures {

    static final Set<String> LEVELS = Set.of("yellow", "orange", "red");

    private final List<Measure> all;

    private Measures(List<Measure> all) {
        this.all = all;
    }

    /** Loads {@code rules/emergency-measures.csv}; fails on a row without a source or with an unknown level. */
    public static Measures load() {
        try (InputStream in = Measures.class.getClassLoader().getResourceAsStream("rules/emergency-measures.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Measure> rows = Csv.read(text).stream()
                    .map(r -> new Measure(
                            r.get("level"),
                            r.get("id"),
                            r.get("measure"),
                            r.get("stopsPhases").isBlank()
                                    ? List.of()
                                    : Arrays.stream(r.get("stopsPhases").split(";"))
                                            .map(String::trim)
                                            .toList(),
                            r.get("source"),
                            r.get("status")))
                    .toList();
            for (Measure m : rows) {
                if (!LEVELS.contains(m.level()) || m.source().isBlank()) {
                    throw new IllegalStateException("bad emergency measure row " + m);
                }
            }
            return new Measures(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The measures of one level. */
    public List<Measure> of(String level) {
        return all.stream().filter(m -> m.level().equals(level)).toList();
    }

    /** The site phases stopped at that level. */
    public Set<String> stoppedPhases(String level) {
        return of(level).stream().flatMap(m -> m.stopsPhases().stream()).collect(java.util.stream.Collectors.toSet());
    }
}
