package cn.lantian.airquality.aqi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real-time AQI as the national centre published it for 260 Kashgar station hours during the April 2020 dust storm. */
class PublishedKashgarHoursTests {

    private static final AqiStandard HJ633_2012 =
            AqiStandards.load().byId("HJ633-2012").orElseThrow();

    record Hour(String line, Map<Indicator, BigDecimal> values, int publishedAqi, String publishedPrimary) {}

    @Test
    void reproducesEveryPublishedRealTimeAqi() throws IOException {
        List<Hour> hours = publishedHours();
        assertThat(hours).hasSize(260);
        List<String> mismatches = new ArrayList<>();
        for (Hour hour : hours) {
            AqiResult result = HJ633_2012.compute(hour.values());
            if (result.aqi() == null || result.aqi() != hour.publishedAqi()) {
                mismatches.add(hour.line() + " -> " + result.aqi());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theRealTimeReportOfHj6332012ReproducesThemToo() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (Hour hour : publishedHours()) {
            AqiResult result = HJ633_2012.report(Report.REAL_TIME, hour.values());
            if (result.aqi() == null || result.aqi() != hour.publishedAqi()) {
                mismatches.add(hour.line() + " -> " + result.aqi());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void namesThePublishedPrimaryPollutants() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (Hour hour : publishedHours()) {
            AqiResult result = HJ633_2012.compute(hour.values());
            List<String> expected = hour.publishedPrimary().isBlank()
                    ? List.of()
                    : List.of(hour.publishedPrimary().trim().split("\\s+"));
            List<String> actual =
                    result.primary().stream().map(Pollutant::nameZh).toList();
            if (!actual.containsAll(expected) || actual.size() != expected.size()) {
                mismatches.add(hour.line() + " -> " + actual);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    static List<Hour> publishedHours() throws IOException {
        List<Hour> hours = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PublishedKashgarHoursTests.class.getResourceAsStream("/kashgar/kashgar-2020-04-dust-hourly.csv"),
                StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",", -1);
                if ("NaN".equals(f[10])) {
                    continue;
                }
                // The real-time report: 1-hour SO2, NO2, CO, O3 and 1-hour PM2.5/PM10 (rated on the 24-hour table).
                Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
                put(values, Indicator.PM25_1H, f[3]);
                put(values, Indicator.PM10_1H, f[4]);
                put(values, Indicator.CO_1H, f[5]);
                put(values, Indicator.NO2_1H, f[6]);
                put(values, Indicator.O3_1H, f[7]);
                put(values, Indicator.SO2_1H, f[9]);
                hours.add(new Hour(line, values, Integer.parseInt(f[10]), "NaN".equals(f[11]) ? "" : f[11]));
            }
        }
        return hours;
    }

    private static void put(Map<Indicator, BigDecimal> values, Indicator indicator, String text) {
        if (!"NaN".equals(text)) {
            values.put(indicator, new BigDecimal(text));
        }
    }
}
