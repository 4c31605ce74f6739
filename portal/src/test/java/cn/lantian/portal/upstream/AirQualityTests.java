package cn.lantian.portal.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AirQualityTests {

    @Test
    void readsTheYearEvaluationAirQualityPublishes() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/upstream/targets.json")) {
            TargetStandings t =
                    AirQuality.standings(JsonMapper.builder().build().readTree(in));
            assertThat(t.year()).isEqualTo(2024);
            assertThat(t.remainingDays()).isEqualTo(49);
            TargetStandings.Unit prefecture = t.units().get(0);
            assertThat(prefecture.unit()).isEqualTo("653100");
            assertThat(prefecture.goodDays()).isEqualTo(120);
            assertThat(prefecture.source()).contains("2024");
            assertThat(prefecture.progress())
                    .extracting(TargetStandings.Progress::indicator)
                    .containsExactly("goodDayShare", "heavyDayShare", "pm25Mean");
            assertThat(prefecture.progress().get(1).status()).isEqualTo("missed");
            // Measured and dust-deducted side by side, as air-quality answers them.
            assertThat(prefecture.progress().get(2).value()).isEqualTo(58.3);
            assertThat(prefecture.dustDeducted("pm25Mean")).isEqualTo(49.1);
            assertThat(prefecture.dustDeducted("goodDayShare")).isEqualTo(42.3);
        }
    }

    @Test
    void aUnitWithoutADustDeductedFigureHasNone() {
        var node = JsonMapper.builder()
                .build()
                .readTree(
                        "{\"year\":2024,\"units\":[{\"unit\":\"653101\","
                                + "\"measured\":{\"pm25Mean\":61.0},\"progress\":[{\"indicator\":\"pm25Mean\",\"value\":61.0}]}]}");
        TargetStandings.Unit unit = AirQuality.standings(node).units().get(0);
        assertThat(unit.progress().get(0).value()).isEqualTo(61.0);
        assertThat(unit.dustDeducted("pm25Mean")).isNull();
    }

    @Test
    void readsOnlyNamedFieldsAndToleratesMissingOnes() {
        var node = JsonMapper.builder()
                .build()
                .readTree("{\"a\":null,\"b\":\"x\",\"n\":2.5,\"when\":\"2024-04-02T09:00:00+08:00\"}");
        assertThat(Json.text(node, "a", "b")).isEqualTo("x");
        assertThat(Json.number(node, "n")).isEqualTo(2.5);
        assertThat(Json.integer(node, "missing")).isNull();
        assertThat(Json.instant(node, "when")).hasToString("2024-04-02T01:00:00Z");
        assertThat(Json.date(node, "when")).hasToString("2024-04-02");
    }
}
