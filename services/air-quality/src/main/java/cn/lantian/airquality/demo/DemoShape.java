package cn.lantian.airquality.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shape of the generated demo year, from {@code demo/year-2024.json}. */
record DemoShape(long seed, int year, double[] pm10ByMonth, double[] fineRatioByMonth, double dayToDaySigma,
        double dayPersistence, double hourSigma, double[] dustEventsPerMonth, double dustPeakMin, double dustPeakMax,
        double missingHourShare, double flaggedHourShare, int outageDays) {

    static DemoShape load() {
        try (InputStream in = DemoShape.class.getResourceAsStream("/demo/year-2024.json")) {
            JsonNode n = JsonMapper.builder().build().readTree(in);
            return new DemoShape(n.get("seed").asLong(), n.get("year").asInt(), doubles(n.get("pm10ByMonth")),
                    doubles(n.get("fineRatioByMonth")), n.get("dayToDaySigma").asDouble(), n.get("dayPersistence").asDouble(),
                    n.get("hourSigma").asDouble(), doubles(n.get("dustEventsPerMonth")), n.get("dustPeakPm10").get(0).asDouble(),
                    n.get("dustPeakPm10").get(1).asDouble(), n.get("missingHourShare").asDouble(),
                    n.get("flaggedHourShare").asDouble(), n.get("outageDays").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
