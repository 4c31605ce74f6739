package cn.lantian.straw.rules;

import cn.lantian.straw.csv.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who patrols a county's fire points: per county its duty office, which a county incident is assigned to at once
 * (township boundaries are not reference data, so the field's township is not known from the point), and the townships
 * the county reassigns to. Loaded from a CSV roster ({@code rules/duty-townships.csv} unless configured otherwise).
 */
public final class DutyRoster {

    /** The CSV header a roster must have. */
    static final List<String> HEADER = List.of("county", "id", "nameZh", "nameEn", "duty", "source", "status");

    /** One unit of a county's roster: its duty office or a township. */
    public record Unit(
            String county, String id, String nameZh, String nameEn, boolean duty, String source, String status) {}

    private final Map<String, List<Unit>> byCounty;

    private DutyRoster(Map<String, List<Unit>> byCounty) {
        this.byCounty = byCounty;
    }

    /** Reads a roster; fails at start when a row is malformed, an id repeats or a county has no or two duty units. */
    public static DutyRoster read(InputStream in, String name) {
        try {
            List<Csv.Row> rows = Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (rows.isEmpty()
                    || !rows.get(0).fields().stream().map(String::trim).toList().equals(HEADER)) {
                throw new IllegalStateException(name + " must start with the header " + String.join(",", HEADER));
            }
            Map<String, List<Unit>> byCounty = new LinkedHashMap<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Csv.Row row : rows.subList(1, rows.size())) {
                List<String> f = row.fields().stream().map(String::trim).toList();
                if (f.size() != HEADER.size() || f.subList(0, 5).stream().anyMatch(String::isBlank)) {
                    throw new IllegalStateException(
                            name + " line " + row.line() + " needs " + HEADER.size() + " columns, the first five set");
                }
                if (!f.get(4).equals("yes") && !f.get(4).equals("no")) {
                    throw new IllegalStateException(name + " line " + row.line() + ": duty is yes or no");
                }
                if (!ids.add(f.get(1))) {
                    throw new IllegalStateException(name + " line " + row.line() + ": id " + f.get(1) + " repeats");
                }
                byCounty.computeIfAbsent(f.get(0), k -> new ArrayList<>())
                        .add(new Unit(
                                f.get(0), f.get(1), f.get(2), f.get(3), f.get(4).equals("yes"), f.get(5), f.get(6)));
            }
            byCounty.forEach((county, units) -> {
                long duty = units.stream().filter(Unit::duty).count();
                if (duty != 1) {
                    throw new IllegalStateException(
                            name + ": county " + county + " needs exactly one duty unit, has " + duty);
                }
            });
            byCounty.replaceAll((county, units) -> List.copyOf(units));
            return new DutyRoster(byCounty);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The roster shipped with the service. */
    public static DutyRoster shipped() {
        try (InputStream in = DutyRoster.class.getClassLoader().getResourceAsStream("rules/duty-townships.csv")) {
            if (in == null) {
                throw new IllegalStateException("rules/duty-townships.csv is missing from the classpath");
            }
            return read(in, "rules/duty-townships.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The county's duty unit, which its incidents are first assigned to; empty for a county not on the roster. */
    public Optional<Unit> dutyOf(String county) {
        return byCounty.getOrDefault(county, List.of()).stream()
                .filter(Unit::duty)
                .findFirst();
    }

    /** The county's units, duty office first as listed; empty for a county not on the roster. */
    public List<Unit> unitsOf(String county) {
        return byCounty.getOrDefault(county, List.of());
    }

    /** The unit of that id, if any county lists it. */
    public Optional<Unit> unit(String id) {
        return byCounty.values().stream()
                .flatMap(List::stream)
                .filter(u -> u.id().equals(id))
                .findFirst();
    }

    /** Every county's units, in roster order. */
    public List<Unit> all() {
        return byCounty.values().stream().flatMap(List::stream).toList();
    }
}
