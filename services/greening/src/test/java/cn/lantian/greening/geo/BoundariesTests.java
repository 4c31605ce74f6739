package cn.lantian.greening.geo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.web.InvalidInput;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BoundariesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static String reason(String geoJson) {
        try {
            Boundaries.read("boundary", json(geoJson));
            return null;
        } catch (InvalidInput e) {
            return e.errors().get(0).field() + ": " + e.errors().get(0).reason();
        }
    }

    @Test
    void readsAPolygonAndWritesItBack() {
        String text = "{\"type\":\"Polygon\",\"coordinates\":[[[77.0,38.3],[77.1,38.3],[77.1,38.4],[77.0,38.3]]]}";
        assertThat(Boundaries.geoJson(Boundaries.read("boundary", json(text)))).isEqualTo(json(text));
    }

    @Test
    void refusesWhatIsNotAClosedSimpleBoundaryInThePrefecture() {
        assertThat(reason("{\"type\":\"Polygon\",\"coordinates\":[[[77,38.3],[77.1,38.3],[77.1,38.4],[77,38.4]]]}"))
                .isEqualTo("boundary.coordinates[0]: must be closed: its last position repeats its first");
        assertThat(reason("{\"type\":\"Polygon\",\"coordinates\":[[[38.3,77],[38.4,77],[38.4,77.1],[38.3,77]]]}"))
                .startsWith("boundary.coordinates[0][0]: lies outside Kashgar Prefecture");
        // A bow tie crosses itself.
        assertThat(reason("{\"type\":\"Polygon\",\"coordinates\":[[[77,38],[77.1,38.1],[77.1,38],[77,38.1],[77,38]]]}"))
                .startsWith("boundary: must be a simple boundary");
        assertThat(reason("{\"type\":\"Point\",\"coordinates\":[77,38]}"))
                .isEqualTo("boundary.type: must be Polygon or MultiPolygon");
        assertThat(reason("{\"type\":\"Polygon\",\"coordinates\":[[[77,38],[77.1,\"38\"],[77.1,38.1],[77,38]]]}"))
                .isEqualTo("boundary.coordinates[0][1]: must be a position [lon, lat]");
        assertThat(reason("\"a string\"")).startsWith("boundary: must be a GeoJSON Polygon");
    }

    @Test
    void refusesMoreThanTheMostPositions() {
        StringBuilder ring = new StringBuilder("[");
        int n = Boundaries.MAX_POSITIONS + 1;
        for (int i = 0; i < n - 1; i++) {
            double a = 2 * Math.PI * i / (n - 1);
            ring.append('[')
                    .append(77 + 0.1 * Math.cos(a))
                    .append(',')
                    .append(38.5 + 0.1 * Math.sin(a))
                    .append("],");
        }
        ring.append("[77.1,38.5]]");
        assertThat(reason("{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}"))
                .contains("at most " + Boundaries.MAX_POSITIONS + " positions");
    }

    @Test
    void coversItsOwnEdgeButNotOutside() {
        var box = Boundaries.box(77, 38, 77.1, 38.1);
        assertThat(Boundaries.covers(box, 77.05, 38.05)).isTrue();
        assertThat(Boundaries.covers(box, 77.1, 38.05)).isTrue();
        assertThat(Boundaries.covers(box, 77.1001, 38.05)).isFalse();
    }
}
