package cn.lantian.dust.catering;

import cn.lantian.reference.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** GB 18483-2001's size classes and limits, read from {@code rules/catering-classes.csv}. */
final class CateringRules {

    private final List<SizeClass> classes;

    CateringRules(List<SizeClass> classes) {
        this.classes = List.copyOf(classes);
    }

    static CateringRules load() {
        try (InputStream in = CateringRules.class.getClassLoader().getResourceAsStream("rules/catering-classes.csv")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CateringRules parse(String csv) {
        return new CateringRules(Csv.read(csv).stream()
                .map(r -> new SizeClass(
                        r.get("size"),
                        Integer.parseInt(r.get("minHeads")),
                        r.get("maxHeads").isBlank() ? null : Integer.parseInt(r.get("maxHeads")),
                        Double.parseDouble(r.get("minRemovalPct")),
                        Double.parseDouble(r.get("maxFumeMgM3")),
                        r.get("source"),
                        r.get("status")))
                .toList());
    }

    /** The class of premises with that many cooking heads; empty below the smallest class. */
    Optional<SizeClass> classOf(int cookingHeads) {
        return classes.stream().filter(c -> c.holds(cookingHeads)).findFirst();
    }

    List<SizeClass> all() {
        return classes;
    }
}
