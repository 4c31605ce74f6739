package cn.lantian.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.portal.aqi.Categories;
import cn.lantian.portal.upstream.StationNow;
import cn.lantian.reference.Jurisdictions;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MapDrawingTests {

    private final Jurisdictions jurisdictions = Jurisdictions.load();
    private final MapDrawing map = new MapDrawing(jurisdictions, Categories.load(), new Names(jurisdictions));

    @Test
    void drawsEveryCountyAsAKeyboardReachableLink() {
        String svg = map.svg(List.of(), "zh", null, "地图");
        assertThat(Pattern.compile("<a href=\"/counties/6531\\d\\d\"")
                        .matcher(svg)
                        .results()
                        .count())
                .isEqualTo(12);
        assertThat(svg)
                .contains("莎车县", "class=\"unit corps\"")
                .startsWith("<svg")
                .endsWith("</svg>");
    }

    @Test
    void placesStationsInsideTheirCountyColouredByCategory() {
        StationNow kashgar = new StationNow(
                "2700A",
                "市环境监测站",
                "City station",
                "national",
                75.9538,
                39.4682,
                "653101",
                null,
                Instant.parse("2024-11-12T01:00:00Z"),
                168,
                "PM10",
                "HJ633-2012");
        String svg = map.svg(List.of(kashgar), "en", "653101", "Map");
        assertThat(svg)
                .contains("data-station=\"2700A\"", "fill=\"#FF0000\"", "City station AQI 168", "unit highlight");
        double[] xy = map.xy(75.9538, 39.4682);
        assertThat(xy[0]).isBetween(0.0, MapDrawing.WIDTH);
        // Kashgar City lies in the north-west of the prefecture: left half, upper half.
        assertThat(xy[0]).isLessThan(MapDrawing.WIDTH / 2);
        assertThat(xy[1]).isLessThan(map.xy(75.2290, 37.7750)[1]);
    }

    @Test
    void escapesNamesInsideTheDrawing() {
        StationNow odd =
                new StationNow("X<1", "<script>", null, "county", 76, 39, "653101", null, null, null, null, null);
        String svg = map.svg(List.of(odd), "zh", null, "a&b");
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;", "a&amp;b", "fill=\"#9E9E9E\"");
    }

    @Test
    void chartsScaleToARoundMaximumAndLeaveGapsForMissingValues() {
        assertThat(Charts.niceMax(0)).isEqualTo(50);
        assertThat(Charts.niceMax(168)).isEqualTo(200);
        assertThat(Charts.niceMax(612)).isEqualTo(700);
        String bars = Charts.bars(
                "t",
                List.of(
                        new Charts.Bar("a", 10.0, "#000"),
                        new Charts.Bar("b", null, "#000"),
                        new Charts.Bar("c", 40.0, "#000")),
                "AQI");
        assertThat(Pattern.compile("<rect ").matcher(bars).results().count()).isEqualTo(2);
        String line = Charts.line(
                "t",
                List.of(new Charts.Bar("a", 10.0, ""), new Charts.Bar("b", null, ""), new Charts.Bar("c", 40.0, "")),
                "AQI");
        assertThat(Pattern.compile("M[\\d.]+ [\\d.]+").matcher(line).results().count())
                .isEqualTo(2);
    }

    @Test
    void monthlyMeansUseOnlyDaysWithAValue() {
        var days = List.of(
                new cn.lantian.portal.upstream.DayValue(
                        java.time.LocalDate.parse("2024-01-30"), 80, null, 40.0, null, null, null, null, null, false),
                new cn.lantian.portal.upstream.DayValue(
                        java.time.LocalDate.parse("2024-01-31"), 90, null, 50.0, null, null, null, null, null, false),
                new cn.lantian.portal.upstream.DayValue(
                        java.time.LocalDate.parse("2024-02-01"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false));
        var months = PagesController.monthly(days);
        assertThat(months).extracting(Charts.Bar::label).containsExactly("2024-01", "2024-02");
        assertThat(months.get(0).value()).isEqualTo(45.0);
        assertThat(months.get(1).value()).isNull();
    }

    @Test
    void separatesCoLocatedStationsAndNamesTheCounties() {
        List<StationNow> kashgar = List.of(
                new StationNow(
                        "2698A", "东湖", "East Lake", "national", 75.9907, 39.4605, "653101", null, null, 80, null, null),
                new StationNow(
                        "2699A", "西湖", "West Lake", "national", 76.0134, 39.4842, "653101", null, null, 90, null, null),
                new StationNow(
                        "2700A",
                        "市环境监测站",
                        "City station",
                        "national",
                        75.9538,
                        39.4682,
                        "653101",
                        null,
                        null,
                        168,
                        null,
                        null),
                new StationNow(
                        "SAME", "同址", "Same site", "county", 75.9538, 39.4682, "653101", null, null, 170, null, null),
                new StationNow(
                        "SC001", "莎车", "Yarkant", "county", 77.2454, 38.4142, "653125", null, null, 60, null, null));
        List<double[]> at = map.spread(kashgar);
        for (int i = 0; i < at.size(); i++) {
            for (int j = i + 1; j < at.size(); j++) {
                assertThat(Math.hypot(at.get(i)[0] - at.get(j)[0], at.get(i)[1] - at.get(j)[1]))
                        .as("%s and %s", kashgar.get(i).id(), kashgar.get(j).id())
                        .isGreaterThanOrEqualTo(2 * MapDrawing.RADIUS);
            }
        }
        // A station alone stays where it is.
        assertThat(at.get(4)).containsExactly(map.xy(77.2454, 38.4142));
        String svg = map.svg(kashgar, "ug", null, "خەرىتە");
        assertThat(svg).contains("class=\"leader\"", "class=\"label\"", "يەكەن ناھىيىسى", "قەشقەر شەھىرى");
        assertThat(Pattern.compile("class=\"label\"").matcher(svg).results().count())
                .isEqualTo(12);
    }
}
