package cn.lantian.airquality.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The evaluation's rule numbers, read from {@code evaluation/hj663-2013.json} and {@code evaluation/dust.json}. */
public record EvaluationRules(String id, int minValidHoursPerDay, int minValidHoursPer8h, int min8hMeansPerDay,
        int firstWindowEnd, int lastWindowEnd, int minValidDaysPerYear, Map<String, Integer> decimals, int goodDayMaxAqi,
        int heavyDayMinAqi, double o3Percentile, double coPercentile, String dustRuleId, double dustMinPm10,
        double dustMaxFineRatio) {

    /** Reads the shipped rule files. */
    public static EvaluationRules load() {
        JsonNode r = read("/evaluation/hj663-2013.json");
        JsonNode d = read("/evaluation/dust.json");
        Map<String, Integer> decimals = new java.util.HashMap<>();
        r.get("decimals").properties().forEach(e -> decimals.put(e.getKey(), e.getValue().asInt()));
        return new EvaluationRules(r.get("id").asString(), r.get("minValidHoursPerDay").asInt(),
                r.get("minValidHoursPer8h").asInt(), r.get("min8hMeansPerDay").asInt(),
                r.get("firstEightHourWindowEnd").asInt(), r.get("lastEightHourWindowEnd").asInt(),
                r.get("minValidDaysPerYear").asInt(), Map.copyOf(decimals), r.get("goodDayMaxAqi").asInt(),
                r.get("heavyDayMinAqi").asInt(), r.get("o3PercentileAnnual").asDouble(),
                r.get("coPercentileAnnual").asDouble(), d.get("id").asString(), d.get("minPm10").asDouble(),
                d.get("maxFineRatio").asDouble());
    }

    private static JsonNode read(String path) {
        try (InputStream in = EvaluationRules.class.getResourceAsStream(path)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
