package cn.lantian.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.lantian.contract.EventContract;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchParametersTests {

    private static final EventContract CONTRACT = EventContract.load();
    private static final Jurisdictions JURISDICTIONS = Jurisdictions.load();
    private static final SearchProperties LIMITS = new SearchProperties(20, 200, "Asia/Shanghai", null, 0.001, 1000);

    @Test
    void acceptsAFullSetOfFilters() {
        SearchCriteria c = new SearchParameters(
                        "  dust  ",
                        List.of("dust,straw"),
                        List.of("lantian.straw.fire-point-detected.v1"),
                        List.of("653125"),
                        List.of("xpcc-3"),
                        List.of("ecology"),
                        List.of("major", "critical"),
                        "2024-11-01T00:00:00+08:00",
                        "2024-12-01T00:00:00+08:00",
                        "75,38,78,40",
                        "77.2,38.4",
                        "10",
                        "50",
                        null)
                .validate(CONTRACT, JURISDICTIONS, LIMITS);

        assertThat(c.text()).isEqualTo("dust");
        assertThat(c.domains()).containsExactly("dust", "straw");
        assertThat(c.corpsUnits()).contains("xpcc-3", "xpcc-3-49", "659003");
        assertThat(c.box()).isEqualTo(new SearchCriteria.BoundingBox(75, 38, 78, 40));
        assertThat(c.circle()).isEqualTo(new SearchCriteria.Circle(77.2, 38.4, 10));
        assertThat(c.size()).isEqualTo(50);
    }

    @Test
    void namesEveryBadParameter() {
        InvalidInput e = catchThrowableOfType(
                InvalidInput.class,
                () -> new SearchParameters(
                                null,
                                List.of("weather"),
                                List.of("lantian.straw.nothing.v1"),
                                List.of("999999"),
                                List.of("653125"),
                                List.of("army"),
                                List.of("huge"),
                                "today",
                                "2024-01-01T00:00:00Z",
                                "80,40,75,38",
                                "200,0",
                                "-1",
                                "1000",
                                "@@")
                        .validate(CONTRACT, JURISDICTIONS, LIMITS));

        assertThat(e.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "domain",
                        "type",
                        "jurisdiction",
                        "corpsunit",
                        "agency",
                        "severity",
                        "from",
                        "bbox",
                        "near",
                        "radius",
                        "size",
                        "cursor");
    }

    @Test
    void radiusAndNearComeTogether() {
        InvalidInput e = catchThrowableOfType(
                InvalidInput.class, () -> params(null, "5").validate(CONTRACT, JURISDICTIONS, LIMITS));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("near");
    }

    @Test
    void refusesARadiusOutsideTheConfiguredBounds() {
        for (String radius : new String[] {"1e308", "1000.5", "0", "1e-9", "NaN", "Infinity", "-5"}) {
            InvalidInput e = catchThrowableOfType(
                    InvalidInput.class, () -> params("76,39", radius).validate(CONTRACT, JURISDICTIONS, LIMITS));
            assertThat(e).as(radius).isNotNull();
            assertThat(e.errors()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("radius");
                assertThat(p.reason()).isEqualTo("must be a number of kilometres from 0.001 to 1000");
            });
        }
        assertThat(params("76,39", "1000")
                        .validate(CONTRACT, JURISDICTIONS, LIMITS)
                        .circle()
                        .radiusKm())
                .isEqualTo(1000);
    }

    @Test
    void timeRangeMustRunForward() {
        InvalidInput e = catchThrowableOfType(
                InvalidInput.class,
                () -> new SearchParameters(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "2024-02-01T00:00:00Z",
                                "2024-01-01T00:00:00Z",
                                null,
                                null,
                                null,
                                null,
                                null)
                        .validate(CONTRACT, JURISDICTIONS, LIMITS));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("to");
    }

    @Test
    void cursorRoundTripsAndForeignOnesAreRefused() {
        Cursor cursor = new Cursor(1_731_373_200_000L, "a:b-c");
        assertThat(Cursor.decode(cursor.encode())).contains(cursor);
        assertThat(Cursor.decode("bm90LWEtY3Vyc29y")).isEmpty();
    }

    private static SearchParameters params(String near, String radius) {
        return new SearchParameters(
                null, null, null, null, null, null, null, null, null, null, near, radius, null, null);
    }
}
