package cn.lantian.feeds.airquality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shape of generated station hours, from {@code shape/kashgar-hours.json} (its source is named there). */
record HourShape(
        long seed,
        double[] pm10ByMonth,
        double[] fineRatioByMonth,
        double dayToDaySigma,
        double hourSigma,
        double[] dustEventsPerMonth,
        double dustPeakMin,
        double dustPeakMax,
        double missingHourShare,
        double flaggedHourShare) {

    static HourShape load() {
        try (InputStream in = HourShape.class.getResourceAsStream("/shape/kashgar-hours.json")) {
            JsonNode n = JsonMapper.builder().build().readTree(in);
            return new HourShape(
                    n.get("seed").asLong(),
                    doubles(n.get("pm10ByMonth")),
                    doubles(n.get("fineRatioByMonth")),
                    n.get("dayToDaySigma").asDouble(),
                    n.get("hourSigma").asDouble(),
                    doubles(n.get("dustEventsPerMonth")),
                    n.get("dustPeakPm10").get(0).asDouble(),
                    n.get("dustPeakPm10").get(1).asDouble(),
                    n.get("missingHourShare").asDouble(),
                    n.get("flaggedHourShare").asDouble());
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
