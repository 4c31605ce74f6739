package cn.lantian.mobile.sensing;

import cn.lantian.reference.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The shipped rule data of readings: limits per fuel and pollutant, and the judgement; every row names its source. */
@Component
class SensingRules {

    /** The pollutants a reading may carry. */
    static final Set<String> POLLUTANTS = Set.of("opacity", "ringelmann", "nox");

    private final List<Limit> limits;
    private final Judgement judgement;

    SensingRules() {
        this(text("rules/remote-sensing-limits.csv"), text("rules/remote-sensing-judgement.csv"));
    }

    SensingRules(String limitsCsv, String judgementCsv) {
        this.limits = Csv.read(limitsCsv).stream().map(SensingRules::limit).toList();
        List<Map<String, String>> rows = Csv.read(judgementCsv);
        if (rows.size() != 1) {
            throw new IllegalStateException("the judgement table holds one row, not " + rows.size());
        }
        Map<String, String> j = rows.get(0);
        this.judgement = new Judgement(
                Integer.parseInt(j.get("failures")),
                Integer.parseInt(j.get("window_months")),
                sourced(j, "judgement").get("status"),
                j.get("source"));
    }

    /** The limit for that fuel and pollutant, if it is judged at all. */
    Optional<Limit> limit(String fuel, String pollutant) {
        return limits.stream()
                .filter(l -> l.fuel().equals(fuel) && l.pollutant().equals(pollutant))
                .findFirst();
    }

    List<Limit> limits() {
        return limits;
    }

    Judgement judgement() {
        return judgement;
    }

    private static Limit limit(Map<String, String> row) {
        sourced(row, row.get("fuel") + "/" + row.get("pollutant"));
        if (!POLLUTANTS.contains(row.get("pollutant"))) {
            throw new IllegalStateException("unknown pollutant " + row.get("pollutant"));
        }
        return new Limit(
                row.get("fuel"),
                row.get("pollutant"),
                Double.parseDouble(row.get("limit")),
                row.get("unit"),
                row.get("status"),
                row.get("source"));
    }

    private static Map<String, String> sourced(Map<String, String> row, String what) {
        if (row.get("source") == null
                || row.get("source").isBlank()
                || row.get("status") == null
                || row.get("status").isBlank()) {
            throw new IllegalStateException("rule " + what + " names no source or status");
        }
        return row;
    }

    private static String text(String resource) {
        try (InputStream in = SensingRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
