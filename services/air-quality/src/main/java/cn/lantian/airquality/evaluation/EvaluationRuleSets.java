package cn.lantian.airquality.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every version of the evaluation rules, listed in {@code evaluation/versions.json}: a new version is a new data file
 * and a line there. A year is assessed by the version in force on its last day, because the annual assessment is made
 * when the year has closed (so 2024 and 2025 by HJ 663-2013, 2026 on by HJ 663-2026).
 */
public final class EvaluationRuleSets {

    private final List<EvaluationRules> versions;

    EvaluationRuleSets(List<EvaluationRules> versions) {
        List<EvaluationRules> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(EvaluationRules::appliesFrom));
        this.versions = List.copyOf(sorted);
    }

    /** Reads the shipped versions. */
    public static EvaluationRuleSets load() {
        List<EvaluationRules> all = new ArrayList<>();
        EvaluationRules.read("/evaluation/versions.json")
                .get("versions")
                .forEach(v -> all.add(EvaluationRules.load("/evaluation/" + v.asString())));
        return new EvaluationRuleSets(all);
    }

    /** The version that assesses the year; years before the first version use the first. */
    public EvaluationRules forYear(int year) {
        LocalDate last = LocalDate.of(year, 12, 31);
        EvaluationRules chosen = versions.get(0);
        for (EvaluationRules v : versions) {
            if (!v.appliesFrom().isAfter(last)) {
                chosen = v;
            }
        }
        return chosen;
    }

    /** Every version, oldest first. */
    public List<EvaluationRules> all() {
        return versions;
    }
}
