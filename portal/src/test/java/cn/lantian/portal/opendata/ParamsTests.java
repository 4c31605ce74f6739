package cn.lantian.portal.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import org.junit.jupiter.api.Test;

class ParamsTests {

    @Test
    void aCursorComesBackAsTheStationAndTimeItNamed() {
        String cursor = Params.cursorOf("2700A", "2024-11-12T01:00:00Z");
        assertThat(cursor).doesNotContain("2700A");
        assertThat(new Params().cursor(cursor)).containsExactly("2700A", "2024-11-12T01:00:00Z");
    }

    @Test
    void collectsEveryBadParameterBeforeFailingOnce() {
        Params params = new Params();
        params.bbox("78,39,77,40");
        params.county("999999", Jurisdictions.load());
        params.limit("many", 100, 1000);
        params.pollutants("pm25,lead");
        params.cursor("not a cursor!");
        params.date("from", "2024-02-30", null);
        assertThatThrownBy(params::check)
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("bbox", "county", "limit", "pollutant", "cursor", "from"));
    }

    @Test
    void acceptsGoodValues() {
        Params params = new Params();
        assertThat(params.bbox("75,37,80,40.5")).containsExactly(75, 37, 80, 40.5);
        assertThat(params.county("xpcc-3", Jurisdictions.load())).isEqualTo("xpcc-3");
        assertThat(params.pollutants("so2, pm25")).containsExactly("so2", "pm25");
        assertThat(params.limit("1000", 100, 1000)).isEqualTo(1000);
        params.check();
    }

    @Test
    void quotesCsvFieldsOnlyWhenTheyNeedIt() {
        String csv = new Csv()
                .row(java.util.Arrays.asList("a", "b,c", "say \"hi\"", null, 1.5))
                .toString();
        assertThat(csv).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",,1.5\r\n");
    }

    @Test
    void namesUnknownParametersWithTheKnownOnes() {
        Params params = new Params();
        params.onlyKnown(java.util.Set.of("stations", "county"), java.util.List.of("station", "county"));
        assertThatThrownBy(params::check)
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("stations");
                            assertThat(v.reason()).contains("known: station, county");
                        }));
    }

    @Test
    void readsDatesAndIsoDateTimesAsBounds() {
        Params params = new Params();
        assertThat(params.bound("from", "2024-11-01"))
                .isEqualTo(new Params.Bound(java.time.LocalDate.of(2024, 11, 1), null));
        // 20:00 UTC is already the next day in Beijing.
        assertThat(params.bound("to", "2024-11-01T20:00:00Z"))
                .isEqualTo(new Params.Bound(
                        java.time.LocalDate.of(2024, 11, 2), java.time.Instant.parse("2024-11-01T20:00:00Z")));
        assertThat(params.bound("to", "2024-11-01T08:00:00+08:00").at()).isEqualTo("2024-11-01T00:00:00Z");
        assertThat(params.bound("to", "2024-11-01T08:00").at()).isEqualTo("2024-11-01T08:00:00Z");
        params.check();
        params.bound("from", "2024-11-01T25:00:00Z");
        assertThatThrownBy(params::check)
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("from"));
    }
}
