package cn.lantian.portal.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParametersTests {

    private final Parameters parameters = Parameters.load();

    @Test
    void everyPollutantTheApiOffersHasAUnitAndAveraging() {
        assertThat(parameters.units().keySet()).containsExactlyElementsOf(Params.POLLUTANTS);
        parameters.parameters().forEach(p -> assertThat(p.unit()).as(p.id()).isNotBlank());
    }

    @Test
    void theLimitsInForceFollowTheStandardsDates() {
        var pm25 = parameters.byId("pm25");
        assertThat(pm25.inForce(LocalDate.of(2026, 2, 28)))
                .filteredOn(l -> l.averaging().equals("24-hour"))
                .singleElement()
                .satisfies(l -> assertThat(l.value()).isEqualTo(75));
        assertThat(pm25.inForce(LocalDate.of(2026, 3, 1)))
                .filteredOn(l -> l.averaging().equals("24-hour"))
                .singleElement()
                .satisfies(l -> assertThat(l.value()).isEqualTo(60));
        assertThat(pm25.inForce(LocalDate.of(2031, 1, 1)))
                .filteredOn(l -> l.averaging().equals("24-hour"))
                .singleElement()
                .satisfies(l -> assertThat(l.value()).isEqualTo(50));
        // No day has two limits for the same parameter and averaging period.
        for (var p : parameters.parameters()) {
            for (LocalDate d :
                    java.util.List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1), LocalDate.of(2032, 1, 1))) {
                assertThat(p.inForce(d))
                        .extracting(Parameters.Limit::averaging)
                        .as(p.id() + " " + d)
                        .doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void flagsGiveReasonsOnlyForHoursThatDoNotCount() {
        assertThat(parameters.reason("N")).isNull();
        assertThat(parameters.reason(null)).isNull();
        assertThat(parameters.reason("M")).isEqualTo("maintenance");
        assertThat(parameters.reason("X")).contains("not an HJ 212 flag");
    }
}
