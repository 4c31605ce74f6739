package cn.lantian.airquality.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One version of the evaluation's rule numbers, read from its data file ({@code evaluation/hj663-2013.json},
 * {@code evaluation/hj663-2026.json}) and the dust rule {@code evaluation/dust.json}.
 *
 * @param appliesFrom first day the version is in force
 * @param validity GB 3095 Table 4's minimums, from the GB 3095 version the file names ({@code validityFrom})
 * @param officialFigures which figures the version assesses a year by: {@code measured} or
 *        {@code exceptional-events-deducted}; both are always computed and shown
 * @param rollingYears years in the rolling mean of the annual PM2.5 concentration (1: the year alone)
 * @param unconfirmed the fields of the data file whose figures could not be checked against the standard's text
 */
public record EvaluationRules(
        String id,
        LocalDate appliesFrom,
        int minValidHoursPerDay,
        int minValidHoursPer8h,
        int min8hMeansPerDay,
        int firstWindowEnd,
        int lastWindowEnd,
        int minValidDaysPerYear,
        Limits.Validity validity,
        Map<String, Integer> decimals,
        int goodDayMaxAqi,
        int heavyDayMinAqi,
        double o3Percentile,
        double coPercentile,
        String officialFigures,
        int rollingYears,
        List<String> unconfirmed,
        String dustRuleId,
        double dustMinPm10,
        double dustMaxFineRatio) {

    /** Reads HJ 663-2013, the version that governs the plan's years so far. */
    public static EvaluationRules load() {
        return load("/evaluation/hj663-2013.json");
    }

    /** Reads one version's data file (a classpath resource) with the shipped dust rule. */
    public static EvaluationRules load(String resource) {
        JsonNode r = read(resource);
        JsonNode d = read("/evaluation/dust.json");
        Map<String, Integer> decimals = new HashMap<>();
        r.get("decimals")
                .properties()
                .forEach(e -> decimals.put(e.getKey(), e.getValue().asInt()));
        List<String> unconfirmed = new ArrayList<>();
        if (r.has("unconfirmed")) {
            r.get("unconfirmed").properties().forEach(e -> unconfirmed.add(e.getKey()));
        }
        // The validity minimums are GB 3095's (Table 4), named by the version file.
        Limits.Validity validity =
                Limits.load().byId(r.get("validityFrom").asString()).validity();
        return new EvaluationRules(
                r.get("id").asString(),
                LocalDate.parse(r.get("appliesFrom").asString()),
                validity.dailyMinHours(),
                validity.eightHourMinHours(),
                r.get("min8hMeansPerDay").asInt(),
                r.get("firstEightHourWindowEnd").asInt(),
                r.get("lastEightHourWindowEnd").asInt(),
                validity.annualMinDays(),
                validity,
                Map.copyOf(decimals),
                r.get("goodDayMaxAqi").asInt(),
                r.get("heavyDayMinAqi").asInt(),
                r.get("o3PercentileAnnual").asDouble(),
                r.get("coPercentileAnnual").asDouble(),
                r.get("officialFigures").asString(),
                r.get("rollingYears").asInt(),
                List.copyOf(unconfirmed),
                d.get("id").asString(),
                d.get("minPm10").asDouble(),
                d.get("maxFineRatio").asDouble());
    }

    static JsonNode read(String path) {
        try (InputStream in = EvaluationRules.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no rule file " + path);
            }
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
